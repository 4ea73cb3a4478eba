package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/** A community tech member onboards a trader on a 360 px phone screen, with an interruption in the middle. */
@IntegrationTest
class OnboardingBrowserIT extends BrowserTest {


    private void next() {
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
    }

    private void heading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    @Test
    void onboardsATraderInSixScreensAndResumesAfterAnInterruption() throws IOException {
        // Every demo stall has its trader: the board adds a new stall for the newcomer.
        assertThat(new vn.cho40.Http(port).asAdmin().postJson("/api/v1/markets/TN-DAITU/stalls",
                java.util.Map.of("code", "Z-1", "zoneName", "Khu mới", "category", "Đặc sản", "areaM2", "6"))
                .status()).isEqualTo(201);
        logIn("tocongnghe.daiphuc", DemoProvince.DEMO_PASSWORD);

        browser.get(url("/onboarding"));
        heading("Tìm hoặc tạo tiểu thương");
        new Select(browser.findElement(By.name("market"))).selectByValue("TN-DAITU");
        browser.findElement(By.name("lookup")).sendKeys("0978 123 456");
        next();

        heading("Thông tin và đồng ý");
        browser.findElement(By.name("fullName")).sendKeys("Hoàng Thị Lụa");
        browser.findElement(By.name("idNumber")).sendKeys("019188123456");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('[name=birthDate]').value='1988-06-09'");
        assertThat(browser.findElement(By.name("phone")).getAttribute("value")).as("carried from step 1")
                .isEqualTo("0978123456");
        next();
        // Forgot the consent: nothing saved, the form says why, the typed values stay.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".consent .error"),
                "Cần tiểu thương đồng ý"));
        assertThat(browser.findElement(By.name("fullName")).getAttribute("value")).isEqualTo("Hoàng Thị Lụa");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('[name=birthDate]').value='1988-06-09'");
        browser.findElement(By.name("consent")).click();
        Browser.screenshot(browser, "onboarding-2-identity");
        next();

        heading("Xác minh số điện thoại");
        // Interrupted: the tech member goes back to the list and resumes the half-finished onboarding.
        browser.get(url("/onboarding"));
        browser.findElement(By.xpath("//a[strong[text()='Hoàng Thị Lụa']]")).click();
        heading("Xác minh số điện thoại");

        browser.findElement(By.cssSelector("section form button")).click();
        String sms = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".demo-sms"))).getText();
        Matcher code = Pattern.compile("(\\d{6})").matcher(sms);
        assertThat(code.find()).isTrue();
        browser.findElement(By.name("code")).sendKeys(code.group(1));
        Browser.screenshot(browser, "onboarding-3-phone");
        next();

        heading("Tài khoản nhận tiền");
        // A searchable picker: the bank typed by name (here as the list offers it), not scrolled to.
        browser.findElement(By.name("bank")).sendKeys("ViettelMoney (971005)");
        next();

        heading("Gắn quầy");
        Select stalls = new Select(browser.findElement(By.name("stallCode")));
        stalls.selectByValue("Z-1");
        String stall = "Z-1";
        next();

        heading("Xác nhận");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
                .contains("Hoàng Thị Lụa", "•••• 3456", "•••• 3456 ✔", stall, "HOANG THI LUA", "ViettelMoney")
                .doesNotContain("019188123456").doesNotContain(";").doesNotContain("971005");
        Long width = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth");
        assertThat(width).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "onboarding-6-confirm");
        browser.findElement(By.cssSelector("section form button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Đã tiếp nhận xong"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hoàng Thị Lụa");
        assertThat(browser.getPageSource()).contains("ViettelMoney", stall);
    }
}
