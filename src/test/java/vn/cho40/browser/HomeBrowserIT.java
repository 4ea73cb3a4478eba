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

    @Test
    void aLongMenuFoldsBehindOneButtonOnAPhoneAndStaysOpenOnADesk() throws IOException {
        logIn("tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        WebElement toggle = browser.findElement(By.cssSelector("header .menu-toggle"));
        WebElement rollout = browser.findElement(By.cssSelector("header nav a.entry[href='/rollout']"));
        assertThat(toggle.isDisplayed()).as("the button on a phone").isTrue();
        assertThat(rollout.isDisplayed()).as("the links folded").isFalse();
        assertThat(browser.findElement(By.id("lang")).isDisplayed()).as("the language stays at hand").isTrue();
        int headerHeight = browser.findElement(By.cssSelector("header.top")).getSize().getHeight();
        assertThat(headerHeight).as("the page starts within the first screen's top fifth").isLessThan(160);
        toggle.click();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(rollout.isDisplayed()).isTrue();
        Browser.screenshot(browser, "menu-open");
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        rollout.click();
        assertThat(browser.getCurrentUrl()).endsWith("/rollout");

        open(1280, 800);
        logIn("tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        assertThat(browser.findElement(By.cssSelector("header .menu-toggle")).isDisplayed()).as("no button on a desk")
                .isFalse();
        assertThat(browser.findElement(By.cssSelector("header nav a.entry[href='/rollout']")).isDisplayed()).isTrue();
    }

    private Long scrollWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    }
}
