package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.shared.VnFormats;

/** The cashier walks the market with a 360 px phone: finds a stall, sees its last reading, types on the big pad. */
@IntegrationTest
class MeterReadingBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient db;
    @Autowired
    Clock clock;

    @Test
    void theCashierEntersAMeterReadingOnAPhone() throws IOException {
        LocalDate today = VnFormats.businessDate(clock.instant());
        String stall = db.sql("""
                SELECT s.code FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = 'TN-DAITU'
                AND NOT EXISTS (SELECT 1 FROM meter x WHERE x.stall_id = s.id AND x.kind = 'WATER')
                ORDER BY length(s.code), s.code LIMIT 1""").query(String.class).single();
        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(board.postForm("/admin/markets/TN-DAITU/meters", Map.of("stallCode", stall, "kind", "WATER",
                "serial", "W-BROWSER-1", "installedOn", today.minusDays(20).toString(), "initialReading", "100"),
                "/meters").status()).isEqualTo(302);
        Map<String, Object> earlier = new HashMap<>(Map.of("meterSerial", "W-BROWSER-1", "value", 110,
                "readOn", today.minusDays(10).toString()));
        assertThat(new Http(port).as("thungan.daitu", DemoProvince.DEMO_PASSWORD)
                .postJson("/api/v1/markets/TN-DAITU/meter-readings", earlier).status()).isEqualTo(201);

        logIn("thungan.daitu", DemoProvince.DEMO_PASSWORD);
        openMenuEntry("/readings");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stall"))).sendKeys(stall.toLowerCase());
        browser.findElement(By.cssSelector("form.find-stall button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stall-title"), "Quầy " + stall));
        browser.findElement(By.linkText("Nước")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meter-serial"), "W-BROWSER-1"));
        assertThat(browser.findElement(By.id("last-value")).getText()).isEqualTo("110");
        assertThat(browser.findElement(By.id("last-on")).getText()).contains(VnFormats.date(today.minusDays(10)));
        assertThat(browser.findElement(By.id("pad")).isDisplayed()).as("the script shows the big pad").isTrue();

        press("1", "0", "5");
        assertThat(browser.findElement(By.id("value")).getDomProperty("value")).isEqualTo("105");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reading-errors")));
        assertThat(browser.findElement(By.id("reading-errors")).getText()).contains("nhỏ hơn chỉ số trước 110");
        Browser.screenshot(browser, "meter-reading-refused");

        press("clear", "1", "2", "0");
        assertThat(browser.findElement(By.id("value")).getDomProperty("value")).isEqualTo("120");
        Number width = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("nothing wider than the phone").isLessThanOrEqualTo(360);
        Number key = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#pad button').getBoundingClientRect().height");
        assertThat(key.doubleValue()).as("keys a thumb can hit").isGreaterThanOrEqualTo(56);
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
                "Đã lưu chỉ số quầy " + stall + ": 120 m³"));
        Browser.screenshot(browser, "meter-reading-saved");

        assertThat(db.sql("""
                SELECT r.value FROM meter_reading r JOIN meter m ON m.id = r.meter_id
                WHERE m.serial = 'W-BROWSER-1' AND r.read_on = ? AND r.source = 'PHONE' AND r.entered_by = 'thungan.daitu'""")
                .param(today).query(Long.class).single()).isEqualTo(120L);
    }

    @Test
    void theBoardInstallsAMeterFromAPhone() throws IOException {
        String stall = db.sql("""
                SELECT s.code FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = 'TN-DAITU'
                AND NOT EXISTS (SELECT 1 FROM meter x WHERE x.stall_id = s.id AND x.kind = 'WATER')
                ORDER BY length(s.code) DESC, s.code LIMIT 1""").query(String.class).single();
        logIn("bql.daitu", DemoProvince.DEMO_PASSWORD);
        openMenuEntry("/meters");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meters"), "E-TN-DAITU-A-1"));
        Number width = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("the table scrolls in its own box, the page not").isLessThanOrEqualTo(360);

        browser.findElement(By.cssSelector("details.meter-form summary")).click();
        browser.findElement(By.cssSelector("#add-meter input[name=stallCode]")).sendKeys(stall);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#add-meter select[name=kind]")))
                .selectByValue("WATER");
        browser.findElement(By.cssSelector("#add-meter input[name=serial]")).sendKeys("số 7");
        browser.findElement(By.cssSelector("#add-meter button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#add-meter li[data-field=serial]")));
        assertThat(browser.findElement(By.cssSelector("#add-meter li[data-field=serial]")).getText())
                .contains("Số công tơ", "không hợp lệ");
        browser.findElement(By.cssSelector("#add-meter input[name=serial]")).clear();
        browser.findElement(By.cssSelector("#add-meter input[name=serial]")).sendKeys("W-BROWSER-2");
        browser.findElement(By.cssSelector("#add-meter button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
                "Đã lắp công tơ W-BROWSER-2 cho quầy " + stall));
        assertThat(browser.findElement(By.id("meters")).getText()).contains("W-BROWSER-2");
        Browser.screenshot(browser, "meters-board");
    }

    private void press(String... keys) {
        for (String k : keys) {
            browser.findElement(By.cssSelector("#pad button[data-key='" + k + "']")).click();
        }
    }
}
