package vn.cho40.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium at a phone's width (360 px). On a machine without Chromium the browser
 * tests are skipped, unless CHO40_REQUIRE_BROWSER=1 (CI sets it) makes their absence a failure.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Browser() {
    }

    static WebDriver start(int widthPx, int heightPx) throws IOException {
        boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!present && "1".equals(System.getenv("CHO40_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("chromium and chromium-driver are required: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "chromium/chromedriver not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory("cho40-chromium"));
        // Desktop Chrome will not make a window narrower than 500 px; phone emulation gives a true 360 px viewport.
        // The page's console, read after each test for Content-Security-Policy violations (BrowserTest).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                java.util.Map.of("width", widthPx, "height", heightPx, "pixelRatio", 2.0)));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    static Path screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
