package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/**
 * Every role on a 360 px phone, as a new user would go: log in, land on its home, open every link of its menu. No
 * error page, nothing wider than the screen, and no "₫" on a line of its own (checked on the rendered layout, not
 * on the text).
 */
@IntegrationTest
class RolesBrowserIT extends BrowserTest {

    @Autowired
    DemoProvince demo;

    /** Amount and unit apart: each "digits ₫" text range that the browser laid out on more than one line. */
    private static final String SPLIT_AMOUNTS = """
            const split = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const re = /[0-9][0-9.]*\\s?₫/g;
              let m;
              while ((m = re.exec(n.data)) !== null) {
                const r = document.createRange();
                r.setStart(n, m.index);
                r.setEnd(n, m.index + m[0].length);
                const tops = new Set(Array.from(r.getClientRects()).filter(c => c.width > 0).map(c => Math.round(c.top)));
                if (tops.size > 1) split.push(m[0]);
              }
            }
            return split;
            """;

    @ParameterizedTest
    @ValueSource(strings = {"tinh.thainguyen", "xa.daiphuc", "bql.daitu", "thungan.daitu", "tocongnghe.daiphuc",
            "kiemtra.thainguyen", "tinh.dienbien", "bql.bunglao"})
    void eachStaffRoleLandsHomeAndOpensEveryMenuLinkOnAPhone(String username) {
        logIn(username, DemoProvince.DEMO_PASSWORD);
        List<String> problems = new ArrayList<>(check("/home"));
        Set<String> links = menuLinks();
        assertThat(links).as("%s has a menu", username).isNotEmpty();
        for (String link : links) {
            browser.get(url(link));
            problems.addAll(check(link));
        }
        assertThat(problems).as("what %s met opening its menu", username).isEmpty();
    }

    @Test
    void aTraderLandsInTheAppAndOpensEveryMenuLink() {
        logInAsTrader(demo.demoTraderPhone());
        browser.get(url("/home"));
        assertThat(browser.getCurrentUrl()).endsWith("/trader");
        List<String> problems = new ArrayList<>(check("/trader"));
        for (String link : menuLinks()) {
            browser.get(url(link));
            problems.addAll(check(link));
        }
        assertThat(problems).isEmpty();
    }

    /** The menu's own links (the `nav` landmark of the page's header), in order, without the public ones. */
    private Set<String> menuLinks() {
        Set<String> links = new LinkedHashSet<>();
        for (WebElement a : browser.findElements(By.cssSelector("header nav a[href]"))) {
            String href = a.getAttribute("href").replace(url(""), "");
            if (href.startsWith("/") && !href.equals("/") && !href.startsWith("/login") && !href.startsWith("/trader/login")) {
                links.add(href.contains("#") ? href.substring(0, href.indexOf('#')) : href);
            }
        }
        return links;
    }

    private List<String> check(String page) {
        List<String> problems = new ArrayList<>();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String title = browser.getTitle();
        String body = browser.findElement(By.tagName("body")).getText();
        if (title.matches(".*\\b(40[0-9]|500)\\b.*") || body.contains("Whitelabel") || body.contains("\"status\":")
                || body.contains("Không có quyền") || body.contains("Không tìm thấy trang")) {
            problems.add(page + ": an error page (" + title + ")");
        }
        Long width = (Long) js.executeScript("return document.documentElement.scrollWidth");
        if (width > 360) {
            problems.add(page + ": " + width + " px wide");
        }
        @SuppressWarnings("unchecked")
        List<String> split = (List<String>) js.executeScript(SPLIT_AMOUNTS);
        if (!split.isEmpty()) {
            problems.add(page + ": amount and ₫ on two lines: " + split);
        }
        return problems;
    }
}
