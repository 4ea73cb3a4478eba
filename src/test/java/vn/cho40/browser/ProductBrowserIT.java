package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/**
 * A trader adds a local product with a photo from a 360 px phone, changes its price there, and finds it on the public
 * storefront.
 */
@IntegrationTest
class ProductBrowserIT extends BrowserTest {

    @Autowired
    DemoProvince demo;

    @Test
    void aTraderAddsAProductWithAPhotoAndSeesItOnTheStorefront() throws Exception {
        Path photo = Files.createTempFile("mang-le", ".jpg");
        Files.write(photo, vn.cho40.catalogue.CataloguePhotos.sample());
        logInAsTrader(demo.demoTraderPhone());
        browser.get(url("/trader/products"));
        browser.findElement(By.name("name")).sendKeys("Măng lê sấy khô");
        browser.findElement(By.name("description")).sendKeys("Măng lê rừng Đại Từ luộc kỹ rồi sấy, túi 300 g.");
        browser.findElement(By.name("producerName")).sendKeys("Hộ bà Hoàng Thị Lan");
        browser.findElement(By.name("unit")).clear();
        browser.findElement(By.name("unit")).sendKeys("túi");
        browser.findElement(By.name("price")).sendKeys("85.000");
        browser.findElement(By.name("stock")).sendKeys("12");
        browser.findElement(By.name("photo")).sendKeys(photo.toAbsolutePath().toString());
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "product-trader-form");
        browser.findElement(By.cssSelector("#trader-product-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-products"), "Măng lê sấy khô"));
        // The trader changes the price from the phone; the stall list is the board's and stays.
        browser.findElement(By.linkText("Măng lê sấy khô")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trader-edit-form")));
        assertThat(browser.findElements(By.cssSelector("#my-photos img"))).hasSize(1);
        browser.findElement(By.name("price")).clear();
        browser.findElement(By.name("price")).sendKeys("90.000");
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "product-trader-edit");
        browser.findElement(By.cssSelector("#trader-edit-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-products"), "90.000"));
        browser.findElement(By.linkText("Măng lê sấy khô")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-link"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("price")));
        assertThat(browser.findElement(By.id("price")).getText()).contains("90.000");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "const i = document.querySelector('.photos img'); return i != null && i.complete && i.naturalWidth > 0"))
                .as("the photo loads").isTrue();
        browser.get(url("/dac-san?q=mang%20le%20say"));
        assertThat(browser.findElement(By.id("products")).getText()).contains("Măng lê sấy khô", "90.000");
        assertThat(scrollWidth()).isLessThanOrEqualTo(360);
        Browser.screenshot(browser, "product-storefront");
    }

    private Long scrollWidth() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    }
}
