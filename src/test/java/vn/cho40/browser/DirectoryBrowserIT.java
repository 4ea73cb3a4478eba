package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.cho40.IntegrationTest;

/** A visitor and a staff member using the real pages in headless Chromium on a 360 px screen. */
@IntegrationTest
class DirectoryBrowserIT extends BrowserTest {


    @Test
    void aVisitorFindsMarketsTypingWithoutDiacritics() throws IOException {
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Danh bạ chợ 4.0");
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("cho du");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#results .card strong"),
                "Chợ Đu"));
        assertThat(browser.findElement(By.cssSelector("#results .card strong")).getText()).isEqualTo("Chợ Đu");
        Path shot = Browser.screenshot(browser, "directory-search-cho-du");
        assertThat(Files.size(shot)).isGreaterThan(5_000);

        search.clear();
        search.sendKeys("dai tu");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#results .card strong"),
                "Chợ trung tâm Đại Từ"));
        browser.findElement(By.cssSelector("#results .card a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Chợ trung tâm Đại Từ"));
        assertThat(browser.getPageSource()).contains("Xã Đại Phúc", "Huyện Đại Từ", "380");
        // Nothing on the page is wider than the phone.
        Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        Browser.screenshot(browser, "market-dai-tu");
        assertThat(scrollWidth).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "market-dai-tu");

        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.facts"), "Market code"));
    }

    @Test
    void staffCreateAMarketAndImportItsStallsWithAPreview() throws IOException {
        logIn("admin", IntegrationTest.ADMIN_PASSWORD);

        browser.get(url("/admin/markets/new"));
        browser.findElement(By.name("code")).sendKeys("?");
        browser.findElement(By.name("name")).sendKeys("x");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.error"), "Chưa lưu"));
        assertThat(browser.findElement(By.cssSelector("form.stack")).getText())
                .contains("Mã chợ gồm 2–30 ký tự", "Tên chợ cần từ 2 đến 200 ký tự", "Hãy chọn xã/phường");
        browser.findElement(By.name("code")).clear();
        browser.findElement(By.name("name")).clear();
        browser.findElement(By.name("code")).sendKeys("br-nahy2");
        browser.findElement(By.name("name")).sendKeys("Chợ phiên Nà Hỳ mới");
        new Select(browser.findElement(By.name("province"))).selectByValue("11");
        wait.until(d -> d.findElements(By.cssSelector("#communeCode option[value='03169']")).size() == 1);
        new Select(browser.findElement(By.id("communeCode"))).selectByValue("03169");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Chợ phiên Nà Hỳ mới"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Đã lưu chợ");
        assertThat(browser.getCurrentUrl()).endsWith("/markets/BR-NAHY2");

        browser.get(url("/admin/markets/BR-NAHY2/stalls/import"));
        upload("ma_quay,khu,nganh_hang,dien_tich_m2\nA-1,Khu A,Thịt,6\nA-2,Khu A,xe máy,5\n");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.problems")));
        assertThat(browser.findElement(By.cssSelector("table.problems tbody")).getText())
                .contains("3").contains("Ngành hàng \"xe máy\" không có");
        Browser.screenshot(browser, "stall-import-problems");

        upload("ma_quay,khu,nganh_hang,dien_tich_m2\nA-1,Khu A,Thịt,6\nA-2,Khu A,Cá,\"7,5\"\n");
        WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#preview form button")));
        assertThat(confirm.getText()).isEqualTo("Xác nhận nhập 2 quầy");
        confirm.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Đã nhập 2 quầy"));
        assertThat(browser.findElement(By.cssSelector("table.table tbody")).getText()).contains("A-1", "A-2", "7,5");
    }

    private void upload(String csv) throws IOException {
        Path file = Files.createTempFile("quay", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.stack button")).click();
    }
}
