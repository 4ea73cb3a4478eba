package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/** The board's manager records days worked, prepares this month's payroll and approves it on a 360 px phone. */
@IntegrationTest
class PayrollBrowserIT extends BrowserTest {

    @Test
    void theManagerRecordsDaysPreparesAndApprovesTheMonthOnAPhone() throws IOException {
        logIn("bql.daitu", DemoProvince.DEMO_PASSWORD);
        browser.get(url("/payroll"));
        assertThat(browser.findElement(By.id("staff")).getText()).contains("Nguyễn Văn Thành");

        // Days worked first: one number typed on the phone for one person, the others left to their dates.
        browser.findElement(By.id("attendance-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attendance")));
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        browser.findElement(By.cssSelector("input[aria-label='Trần Thị Hoa']")).sendKeys("12");
        Browser.screenshot(browser, "payroll-attendance");
        browser.findElement(By.id("save-days")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Đã ghi ngày công"));
        assertThat(browser.findElement(By.cssSelector("input[aria-label='Trần Thị Hoa']")).getAttribute("value"))
                .isEqualTo("12");

        browser.get(url("/payroll"));
        browser.findElement(By.id("prepare")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("Trần Thị Hoa", "12/", "theo chấm công");
        String net = browser.findElement(By.id("total-net")).getText();
        assertThat(net).endsWith("₫");
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "payroll-preview");
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lines")));
        assertThat(browser.getCurrentUrl()).contains("/payroll/runs/");
        assertThat(browser.findElement(By.id("totals")).getText()).contains(net);
        assertThat(browser.findElement(By.id("lines")).getText()).contains("Chưa chuyển");
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "payroll-run");
    }

    private Long scrollWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    }
}
