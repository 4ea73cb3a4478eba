package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.IntegrationTest;
import vn.cho40.einvoice.EDocument;
import vn.cho40.einvoice.EInvoices;

/** A trader types the lookup code from a printed invoice on a 360 px phone and sees it verified, with its files. */
@IntegrationTest
class EInvoiceLookupBrowserIT extends BrowserTest {

    @Autowired
    EInvoices einvoices;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient db;

    @Test
    void aLookupCodeTypedOnAPhoneFindsTheSignedInvoice() throws Exception {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DU'").query(UUID.class).single();
        tx.executeWithoutResult(s -> {
            db.sql("""
                    INSERT INTO einvoice_setting (market_id, seller_name, seller_tax_code, seller_address, form, series,
                                                  updated_at, updated_by)
                    VALUES (?, 'Ban quản lý chợ Đu', '0101248141', 'Phú Lương, Thái Nguyên', 2, 'C26TDU', now(), 'test')
                    ON CONFLICT (market_id) DO NOTHING""").param(market).update();
            einvoices.request(market, "browser-bill:1", EInvoices.Kind.INVOICE, new EInvoices.Draft(
                    new EDocument.Party("Lò Văn Páo", null, null),
                    List.of(new EDocument.Line("Giá dịch vụ sử dụng diện tích bán hàng tháng 11/2026", "tháng", 1_000,
                            180_000, 180_000, null)), LocalDate.of(2026, 11, 30)));
        });
        String code = null;
        for (int i = 0; i < 300 && code == null; i++) {
            List<EInvoices.Issued> issued = einvoices.documentsOf("browser-bill:1");
            code = issued.isEmpty() ? null : issued.getFirst().lookupCode();
            if (code == null) {
                Thread.sleep(200); // the scheduled issuer signs it within seconds
            }
        }
        assertThat(code).as("the issuer signed the document").isNotNull();

        browser.get(url("/tra-cuu"));
        browser.findElement(By.name("ma")).sendKeys(code.replace("-", " ").toLowerCase());
        browser.findElement(By.cssSelector("#lookup-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("Chữ ký số hợp lệ");
        assertThat(browser.findElement(By.id("doc-total")).getText()).contains("180.000");
        assertThat(browser.getPageSource()).doesNotContain("Lò Văn Páo");
        Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "einvoice-lookup");
        assertThat(browser.findElement(By.id("pdf")).getAttribute("href")).endsWith(code + ".pdf");

        browser.get(url("/tra-cuu?ma=ZZZZ-ZZZZ-ZZ"));
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("Không tìm thấy");
    }
}
