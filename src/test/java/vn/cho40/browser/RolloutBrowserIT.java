package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/**
 * A province admin opens the dashboard, sees its charts drawn, drills down to a commune and a market, and downloads
 * the monthly report: on a 1280 px screen and on a 360 px phone.
 */
@IntegrationTest
class RolloutBrowserIT extends BrowserTest {

    @Test
    void onADesk() throws IOException {
        open(1280, 900); // the browser starts as a phone (BrowserTest)
        walk("rollout-1280", 1280);
    }

    @Test
    void onAPhone() throws IOException {
        walk("rollout-360", 360);
    }

    private void walk(String shot, int width) throws IOException {
        logIn("tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        assertThat(js("return window.innerWidth")).isEqualTo((long) width);
        openMenuEntry("/rollout");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
        wait.until(d -> "true".equals(browser.findElement(By.cssSelector("[data-series]")).getDomAttribute("data-drawn"))
                || "true".equals(browser.findElement(By.cssSelector("[data-series]")).getDomProperty("dataset.drawn")));
        assertThat((Boolean) js("return document.getElementById('chart-payments').width > 0")).isTrue();
        assertThat((Boolean) js("const c = document.getElementById('chart-teams');"
                + " return c != null && !c.closest('figure').hidden && c.width > 0")).as("the teams' chart").isTrue();
        assertThat(browser.findElement(By.id("targets")).getText()).contains("156/KH-UBND");
        assertThat(scrollWidth()).as("nothing wider than the screen").isLessThanOrEqualTo(width);
        Browser.screenshot(browser, shot + "-province");
        browser.findElement(By.linkText("Xã Đại Phúc")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Chợ trung tâm Đại Từ")));
        browser.findElement(By.linkText("Chợ trung tâm Đại Từ")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stalls")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Chợ trung tâm Đại Từ");
        assertThat(scrollWidth()).isLessThanOrEqualTo(width);
        Browser.screenshot(browser, shot + "-market");
        browser.get(url("/rollout/report"));
        browser.findElement(By.cssSelector("#report-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
        String href = browser.findElement(By.id("report-xlsx")).getDomAttribute("href");
        Object type = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))", href);
        assertThat(type).isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Object pdf = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))",
                browser.findElement(By.id("report-pdf")).getDomAttribute("href"));
        assertThat(pdf).isEqualTo("200 application/pdf");
        assertThat(scrollWidth()).isLessThanOrEqualTo(width);
        Browser.screenshot(browser, shot + "-report");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private Long scrollWidth() {
        return (Long) js("return document.documentElement.scrollWidth");
    }
}
