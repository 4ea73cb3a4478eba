package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.market.Stalls;
import vn.cho40.vietqr.StallCodes;
import vn.cho40.vietqr.VietQr;
import vn.cho40.vietqr.VietQrPayload;

/** A customer checks a sign on the public page; a market board runs an inspection round on a phone. */
@IntegrationTest
class InspectionBrowserIT extends BrowserTest {

    @Autowired
    StallCodes codes;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;

    @Test
    void theVerificationPageAndAnInspectionRoundFindTheFakeSticker() throws IOException {
        Market daiTu = markets.get("TN-DAITU");
        StallCodes.StallCode a1 = codes.find(daiTu, stalls.find(daiTu, "A-1").orElseThrow()).orElseThrow();
        StallCodes.StallCode a2 = codes.find(daiTu, stalls.find(daiTu, "A-2").orElseThrow()).orElseThrow();

        browser.get(url("/v/" + a1.verificationCode()));
        assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("Đây là mã hiện hành của quầy.");
        assertThat(browser.findElement(By.cssSelector(".holder")).getText()).as("the name as the sign prints it")
                .isEqualTo(a1.holderName());
        Browser.screenshot(browser, "verify-sign");

        logIn("bql.daitu", DemoProvince.DEMO_PASSWORD);

        browser.get(url("/admin/inspections"));
        browser.findElement(By.cssSelector("form.stack button")).click();
        // The round's page replaces the list while the heading is read (BrowserTest's wait asks again).
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Chợ trung tâm Đại Từ"));

        scan("A-1", a1.payload());
        // A fraudster's sticker on A-2: a valid VietQR code for someone else's account.
        scan("A-2", VietQr.encode(VietQrPayload.staticCode("970422", "8888666644")));
        scan("A-2", a2.payload());
        String report = browser.findElement(By.id("checks")).getText();
        assertThat(report).contains("Đúng tài khoản đã đăng ký", "MÃ GIẢ: tài khoản khác tài khoản đã đăng ký",
                "MBBank •••• 6644");
        // Two stalls checked, A-2 twice: each stall counts once, A-2 with the fake sticker it had.
        assertThat(browser.findElement(By.cssSelector("ul.chips")).getText()).contains("MÃ GIẢ: tài khoản khác tài khoản đã đăng ký: 1",
                "Đúng tài khoản đã đăng ký: 1").doesNotContain(": 2");
        assertThat(browser.findElement(By.id("stalls-checked")).getText()).startsWith("Đã kiểm tra 2 quầy");
        Browser.screenshot(browser, "inspection-round");
    }

    private void scan(String stall, String payload) {
        new Select(browser.findElement(By.name("stallCode"))).selectByValue(stall);
        browser.findElement(By.id("payload")).sendKeys(payload);
        int before = browser.findElements(By.cssSelector("#checks tbody tr")).size();
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#checks tbody tr")).size() == before + 1);
    }
}
