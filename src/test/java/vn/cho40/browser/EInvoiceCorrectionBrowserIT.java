package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;
import vn.cho40.einvoice.EDocument;
import vn.cho40.einvoice.EInvoices;

/** The board adjusts an invoice on a 360 px phone: the form, the reason, and the adjusting invoice pointing at it. */
@IntegrationTest
class EInvoiceCorrectionBrowserIT extends BrowserTest {

    @Autowired
    EInvoices einvoices;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient db;

    /** The scheduled issuer's work, this test's first (the demo's paid bills of the market wait till tomorrow). */
    private List<EInvoices.Issued> issued(UUID market, String source, int count) throws InterruptedException {
        List<EInvoices.Issued> docs = einvoices.documentsOf(source);
        for (int i = 0; i < 300 && docs.size() < count; i++) {
            db.sql("UPDATE einvoice_request SET next_try_at = now() + interval '1 day' WHERE market_id = ? "
                    + "AND issued_id IS NULL AND source LIKE 'bill:%'").param(market).update();
            Thread.sleep(200); // the scheduled issuer signs within seconds
            docs = einvoices.documentsOf(source);
        }
        return docs;
    }

    @Test
    void theBoardAdjustsAnInvoiceFromItsPage() throws Exception {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DU'").query(UUID.class).single();
        tx.executeWithoutResult(s -> {
            db.sql("""
                    INSERT INTO einvoice_setting (market_id, seller_name, seller_tax_code, seller_address, form, series,
                                                  updated_at, updated_by)
                    VALUES (?, 'Ban quản lý chợ Đu', '0101248141', 'Phú Lương, Thái Nguyên', 2, 'C26TDU', now(), 'test')
                    ON CONFLICT (market_id) DO NOTHING""").param(market).update();
            einvoices.request(market, "browser-bill:adjust", EInvoices.Kind.INVOICE, new EInvoices.Draft(
                    new EDocument.Party("Hà Thị Mai", null, null),
                    List.of(new EDocument.Line("Giá dịch vụ sử dụng diện tích bán hàng tháng 11/2026", "tháng", 1_000,
                            180_000, 180_000, null)), LocalDate.of(2026, 11, 30)));
        });
        List<EInvoices.Issued> docs = issued(market, "browser-bill:adjust", 1);
        assertThat(docs).as("the issuer signed the document").hasSize(1);
        EInvoices.Issued original = docs.getFirst();

        open(360, 740);
        logIn("tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        browser.get(url("/einvoices/" + original.id()));
        new Select(browser.findElement(By.cssSelector("#adjust-form select[name=direction]"))).selectByValue("DOWN");
        browser.findElement(By.cssSelector("#adjust-form input[name=amount]")).sendKeys("20.000");
        browser.findElement(By.cssSelector("#adjust-form input[name=reason]")).sendKeys("Nghỉ chợ 3 ngày");
        browser.findElement(By.cssSelector("#adjust-form button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done"))).getText())
                .contains("Đã ghi nhận");

        docs = issued(market, "browser-bill:adjust", 2);
        assertThat(docs).hasSize(2);
        EInvoices.Issued adjusting = docs.getLast();
        assertThat(adjusting.totalVnd()).isEqualTo(-20_000);
        assertThat(adjusting.corrects()).isEqualTo(original.id());
        browser.get(url("/einvoices/" + original.id()));
        assertThat(browser.findElement(By.id("doc-state")).getText()).isEqualTo("Đã điều chỉnh");
        assertThat(browser.findElement(By.id("corrections")).getText()).contains("Điều chỉnh cho", "C26TDU số "
                + adjusting.number(), "-20.000", "Nghỉ chợ 3 ngày");
        Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "einvoice-correction");
    }
}
