package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/** A market board pages and filters its stall and trader lists on a 360 px phone: nothing wider than the screen. */
@IntegrationTest
class ListsBrowserIT extends BrowserTest {

    @Test
    void aBoardFiltersAndPagesItsListsOnAPhone() throws IOException {
        logIn("bql.daitu", DemoProvince.DEMO_PASSWORD);
        browser.get(url("/admin/markets/TN-DAITU/stalls"));
        new Select(browser.findElement(By.cssSelector("form.filters select[name=category]"))).selectByValue("THIT");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("category=THIT"));
        assertThat(browser.findElements(By.cssSelector("table.stalls tbody tr"))).isNotEmpty()
                .allMatch(row -> row.getText().contains("Thịt"));
        assertStackedAndNoWiderThanThePhone("stall-list-360");

        browser.get(url("/admin/traders"));
        browser.findElement(By.cssSelector(".pager a[rel=next]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".range"), "51–100"));
        assertStackedAndNoWiderThanThePhone("trader-list-360");
    }

    private void assertStackedAndNoWiderThanThePhone(String screenshot) throws IOException {
        List<WebElement> fields = browser.findElements(By.cssSelector("form.filters label"));
        assertThat(fields).hasSizeGreaterThan(2);
        int left = fields.getFirst().getLocation().getX();
        assertThat(fields).as("one filter under the other").allMatch(f -> f.getLocation().getX() == left);
        Long scrollWidth = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.list-head').scrollIntoView()");
        Browser.screenshot(browser, screenshot);
        assertThat(scrollWidth).isLessThanOrEqualTo(360);
    }
}
