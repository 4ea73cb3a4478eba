package vn.cho40.browser;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A phone-sized headless Chromium per test, and the steps every browser test shares. */
abstract class BrowserTest {

    @LocalServerPort
    int port;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        browser = Browser.start(360, 800);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
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
}
