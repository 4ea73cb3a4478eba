package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import vn.cho40.IntegrationTest;

/**
 * The check every browser test ends with sees what the policy refuses: an injected inline style and inline script
 * are blocked and reported, while the platform's own htmx (no injected indicator style) runs.
 */
@IntegrationTest
class ContentSecurityBrowserIT extends BrowserTest {

    private final java.util.List<String> seen = new java.util.ArrayList<>();

    @Test
    void injectedInlineCodeIsRefusedAndReportedWhileHtmxRuns() {
        browser.get(url("/"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!window.htmx")));
        assertThat(cspViolations()).as("the platform's own page").isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('head style').length")).as("htmx's indicator style").isEqualTo(0L);

        ((JavascriptExecutor) browser).executeScript("""
                document.body.insertAdjacentHTML('beforeend', '<p id="injected" style="color: rgb(255, 0, 0)">x</p>');
                const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                document.body.appendChild(s);""");
        wait.until(d -> !cspViolationsSoFar().isEmpty());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__ran === true")).isEqualTo(false);
        assertThat(browser.findElement(By.id("injected")).getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");
    }

    /** The API documentation page (Swagger UI, from its WebJar) also runs under the policy. */
    @Test
    void theApiDocumentationRendersUnderThePolicy() {
        browser.get(url("/swagger-ui/index.html"));
        wait.until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
    }

    /** Accumulates, as reading the browser's log empties it (so the check after the test sees none of these). */
    private java.util.List<String> cspViolationsSoFar() {
        seen.addAll(cspViolations());
        return seen;
    }
}
