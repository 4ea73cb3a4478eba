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

/** A trader opens "Hóa đơn cần trả" on a 360 px phone, taps a bill and sees its QR across the screen. */
@IntegrationTest
class TraderBillsBrowserIT extends BrowserTest {

    @Autowired
    DemoProvince demo;
    @Autowired
    vn.cho40.TestClock testClock;
    @Autowired
    vn.cho40.billing.Bills bills;
    @Autowired
    vn.cho40.billing.CashDesk cashDesk;
    @Autowired
    vn.cho40.market.Markets markets;

    @Test
    void aTraderOpensABillAndSeesItsQr() throws IOException {
        testClock.advance(java.time.Duration.ofMinutes(16));
        // The demo leaves the demo trader's last bill unpaid (BillingDemo).
        logInAsTrader(demo.demoTraderPhone());
        browser.get(url("/trader"));
        assertThat(browser.findElement(By.id("bills-notice")).getText()).as("the home screen says bills are due")
                .containsIgnoringCase("hóa đơn phí chợ");
        browser.get(url("/trader/bills"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hóa đơn cần trả");
        var open = browser.findElements(By.cssSelector("#open-bills a"));
        assertThat(open).as("the trader has a bill to pay").isNotEmpty();
        String amount = browser.findElement(By.cssSelector("#open-bills a strong")).getText();
        open.getFirst().click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bill-qr")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('bill-qr'); return i.complete && i.naturalWidth > 0;"));
        Number shown = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('bill-qr').getBoundingClientRect().width");
        assertThat(shown.doubleValue()).as("the code fills the phone's width").isGreaterThan(250);
        assertThat(browser.findElement(By.id("bill-due")).getText()).isEqualTo(amount);
        assertThat(browser.getPageSource()).contains("C40");
        assertThat(browser.findElement(By.id("save-qr")).getDomAttribute("href")).startsWith("data:image/png;base64,");
        assertThat(browser.findElement(By.id("copy-code")).getDomAttribute("data-code")).startsWith("C");
        // "Open with my bank app" shows only where the phone can hand the QR to another app; elsewhere it would do nothing.
        Boolean canShare = (Boolean) ((JavascriptExecutor) browser).executeScript("return !!(navigator.canShare && "
                + "navigator.canShare({files: [new File([new Uint8Array(1)], 'qr.png', {type: 'image/png'})]}))");
        assertThat(browser.findElement(By.id("share-qr")).isDisplayed()).isEqualTo(canShare);
        Long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "trader-bill-qr");
        browser.findElement(By.id("bill-qr-full")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-full")));
        assertThat(browser.findElement(By.id("qr-img")).getDomAttribute("src")).startsWith("data:image/png;base64,");
        browser.findElement(By.id("qr-full")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("qr-full")));
        // The electricity line says what it charged: the use between two readings at the rate, VAT on top.
        assertThat(browser.findElement(By.id("bill-lines")).getText())
                .containsPattern("[\\d.]+ kWh × [\\d.]+ ₫ \\(chỉ số [\\d.]+ → [\\d.]+\\), cộng thuế GTGT 8%");

        // Part paid at the cash desk (its own cashier: the desk tests count theirs): paid and left shown, adding up.
        String url = browser.getCurrentUrl();
        java.util.UUID billId = java.util.UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
        var bill = bills.get(billId).orElseThrow();
        assertThat(browser.findElements(By.id("bill-overdue")).isEmpty()).as("an overdue bill says so on its page")
                .isEqualTo(!bill.overdue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
        cashDesk.pay(markets.findById(bill.marketId()).orElseThrow(), billId, 1_000, "Người nộp", "browser.cashier");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("bill-paid")).getText()).contains("Đã trả", "1.000 ₫");
        assertThat(browser.findElement(By.id("bill-left")).getText()).contains("Còn phải trả")
                .contains(browser.findElement(By.id("bill-due")).getText());

        // A bill paid in full shows what was paid, how and when, not "0 ₫".
        browser.get(url("/trader/bills"));
        var paid = browser.findElements(By.cssSelector("#paid-bills a"));
        assertThat(paid).as("the demo trader paid the older months' bills").isNotEmpty();
        paid.getFirst().click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bill-payments")));
        assertThat(browser.findElement(By.id("bill-due")).getText()).isNotEqualTo("0 ₫").endsWith("₫");
        assertThat(browser.findElement(By.id("bill-payments")).getText()).containsPattern("(Chuyển khoản|Tiền mặt): ");
        assertThat(browser.findElement(By.cssSelector("section.bill")).getText().split("Đã trả", -1))
                .as("a paid bill says so once").hasSize(2);
    }
}
