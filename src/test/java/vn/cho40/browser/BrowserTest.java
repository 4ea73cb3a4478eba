package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A phone-sized headless Chromium per test, and the steps every browser test shares. */
abstract class BrowserTest {

    @LocalServerPort
    int port;
    WebDriver browser;
    WebDriverWait wait;

    /**
     * Every page reports what the Content-Security-Policy refused into the console (kept across navigations), and
     * each test ends by checking there was none: htmx, the service worker, the QR screens, the scanners, the feed and
     * speech must all work under the policy, not merely look as if they did.
     */
    private static final String REPORT_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', (e) => console.error('cho40-csp-violation '
              + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    @BeforeEach
    void openBrowser() throws IOException {
        open(360, 800);
    }

    /** Starts the browser as a device of this size (a phone by default; a test may reopen it as a desk). */
    void open(int width, int height) throws IOException {
        if (browser != null) {
            browser.quit();
        }
        browser = Browser.start(width, height);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // A page still loading detaches the element a condition just found: Chromium says "Node with given id does
        // not belong to the document" (a plain WebDriverException, not a stale element). Ask again until the timeout;
        // a real failure still ends in a TimeoutException that carries the last error.
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", REPORT_CSP_VIOLATIONS));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    /** The violations reported since the last call (reading the browser's log empties it). */
    List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("cho40-csp-violation") || m.contains("Content Security Policy")).toList();
    }

    /** The port the browser talks to: the server's, unless a test puts something in between. */
    int browserPort() {
        return port;
    }

    String url(String path) {
        return "http://localhost:" + browserPort() + path;
    }

    /** Logs the trader with this phone in through the phone + one-time-code pages (demo shows the code). */
    void logInAsTrader(String phone) {
        browser.get(url("/trader/login"));
        browser.findElement(By.name("phone")).sendKeys(phone);
        browser.findElement(By.cssSelector("form.stack button")).click();
        String sms = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".demo-sms"))).getText();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("(\\d{6})").matcher(sms);
        org.assertj.core.api.Assertions.assertThat(code.find()).isTrue();
        browser.findElement(By.name("code")).sendKeys(code.group(1));
        browser.findElement(By.cssSelector("form.stack button")).click();
        wait.until(ExpectedConditions.urlToBe(url("/trader")));
    }

    void logIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.stack button")).click();
        wait.until(ExpectedConditions.urlToBe(url("/home")));
    }

    /** Clicks the menu entry linking to {@code path}, unfolding the phone's menu first when it is folded. */
    void openMenuEntry(String path) {
        java.util.List<org.openqa.selenium.WebElement> toggle = browser.findElements(By.cssSelector("header .menu-toggle"));
        if (!toggle.isEmpty() && toggle.getFirst().isDisplayed()
                && "false".equals(toggle.getFirst().getAttribute("aria-expanded"))) {
            toggle.getFirst().click();
        }
        browser.findElement(By.cssSelector("header nav a[href^='" + path + "']")).click();
    }
}
