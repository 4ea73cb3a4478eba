package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/** A trader logs in with phone and code on a 360 px phone and shows the stall's QR full screen in one tap. */
@IntegrationTest
class TraderAppBrowserIT extends BrowserTest {

    @Autowired
    DemoProvince demo;
    @Autowired
    vn.cho40.TestClock testClock;

    @Test
    void loginByPhoneThenTheQrFullScreen() throws IOException {
        // Other tests logged this trader in too: let the one-time-code send limit (3 per 15 min) pass.
        testClock.advance(java.time.Duration.ofMinutes(16));
        logInAsTrader(demo.demoTraderPhone());
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Chào ");
        // Waiting, or (when other tests paid this trader) the words of the latest payment, replayed on connect.
        wait.until(d -> !d.findElement(By.id("last-words")).getText().isBlank());
        assertThat(browser.findElement(By.id("last-words")).getText()).matches("Đang chờ tiền về…|.* đồng");

        browser.findElement(By.cssSelector("button.show-qr")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-full")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('qr-img'); return i.complete && i.naturalWidth > 0;"));
        Number shown = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('qr-img').getBoundingClientRect().width");
        assertThat(shown.doubleValue()).as("the code fills the phone's width").isGreaterThan(300);
        Browser.screenshot(browser, "trader-qr-fullscreen");
    }

    /**
     * Phones are shared: after logout the phone keeps no trader page or stall QR for offline use, and the service
     * worker (gone with the site's storage) comes back with the next login.
     */
    @Test
    void logoutLeavesNoCachedTraderPageAndTheNextLoginBringsTheWorkerBack() {
        testClock.advance(java.time.Duration.ofMinutes(16));
        logInAsTrader(demo.demoTraderPhone());
        wait.until(d -> Boolean.TRUE.equals(async("caches.open('cho40-trader-v1').then(c => c.match('/trader'))"
                + ".then(r => done(!!r))")));

        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
        wait.until(d -> Long.valueOf(0).equals(async("caches.keys().then(k => done(k.length))")));
        assertThat(async("navigator.serviceWorker.getRegistrations().then(r => done(r.length))")).isEqualTo(0L);

        logInAsTrader(demo.demoTraderPhone());
        wait.until(d -> Boolean.TRUE.equals(async("navigator.serviceWorker.ready.then(() => caches.open('cho40-trader-v1'))"
                + ".then(c => c.match('/trader')).then(r => done(!!r))")));
    }

    /** Runs a promise chain in the page; {@code done(value)} hands its result back. */
    private Object async(String script) {
        return ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; " + script + ".catch(e => done('error: ' + e));");
    }
}
