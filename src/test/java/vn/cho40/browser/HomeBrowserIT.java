package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/** The start pages on a 360 px phone: the login lands there, nothing is wider than the screen, targets are big. */
@IntegrationTest
class HomeBrowserIT extends BrowserTest {

    @Test
    void theProvinceAdminsHomeFitsAPhone() throws IOException {
        logIn("tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        assertThat(browser.findElement(By.id("fig-markets")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("header nav a")).size()).isGreaterThan(5);
        Browser.screenshot(browser, "home-province");
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
    }

    @Test
    void theCashiersDeskHasBigTargetsFirst() throws IOException {
        logIn("thungan.daitu", DemoProvince.DEMO_PASSWORD);
        WebElement queue = browser.findElement(By.id("desk-queue"));
        assertThat(queue.getSize().getHeight()).as("a thumb-sized target").isGreaterThanOrEqualTo(56);
        assertThat(queue.getSize().getWidth()).isGreaterThan(300);
        Browser.screenshot(browser, "home-cashier");
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        queue.click();
        assertThat(browser.getCurrentUrl()).endsWith("/payments/exceptions");
    }

    private Long scrollWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    }
}
