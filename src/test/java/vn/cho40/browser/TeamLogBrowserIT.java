package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.Role;
import vn.cho40.identity.Scope;
import vn.cho40.identity.StaffUsers;

/**
 * A tech-team member in a village without data: two people helped are kept on the phone and listed as waiting; when
 * the connection returns both are sent, and each is counted once on the server however often the queue retries.
 */
@IntegrationTest
class TeamLogBrowserIT extends BrowserTest {

    @Autowired
    StaffUsers users;
    @Autowired
    JdbcClient db;

    @Test
    void entriesMadeOfflineAreSentOnceWhenTheConnectionReturns() {
        String login = "tcn.browser." + UUID.randomUUID().toString().substring(0, 6);
        users.ensure(new StaffUsers.NewUser(login, "Thành viên trình duyệt", DemoProvince.DEMO_PASSWORD,
                Role.TECH_MEMBER, Scope.Kind.COMMUNE, "05488", "19"));
        WebSession officer = new WebSession(port, "xa.daiphuc", DemoProvince.DEMO_PASSWORD);
        Http.Response team = officer.postForm("/teams", Map.of("communeCode", "05488", "name", "Tổ trình duyệt",
                "village", "Thôn Khuôn Lân", "foundedOn", "2025-01-02", "marketCodes", "TN-DAITU"), "/teams");
        assertThat(team.status()).as(team.body()).isEqualTo(302);
        Http.Response member = officer.postForm(team.location() + "/members", Map.of("fullName", "Hà Thị Mây",
                "phone", "0912000999", "organisation", "Hội Liên hiệp Phụ nữ", "fromOn", "2025-01-02",
                "staffUsername", login), team.location());
        assertThat(member.status()).as(member.body()).isEqualTo(302);

        logIn(login, DemoProvince.DEMO_PASSWORD);
        browser.get(url("/team-log"));
        wait.until(d -> d.findElement(By.id("log-form")));
        network(true);
        record("Lò Văn Pọm", "0987000111");
        record("Quàng Thị Én", "0987000222");
        wait.until(d -> "2".equals(d.findElement(By.id("waiting-count")).getText()));
        assertThat(browser.findElement(By.id("queue")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("waiting")).getText()).contains("Lò Văn Pọm", "Quàng Thị Én");
        assertThat(countFor(login)).as("nothing reached the server while offline").isZero();

        network(false);
        try {
            wait.withTimeout(Duration.ofSeconds(30)).until(d -> "0".equals(d.findElement(By.id("waiting-count")).getAttribute("textContent")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object probe = ((ChromeDriver) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/teams/activities', {method: 'POST', headers: {'Content-Type': 'application/json',"
                    + " 'X-CSRF-TOKEN': document.querySelector('input[name=_csrf]').value}, body: '{}'})"
                    + ".then(r => r.text().then(t => done(navigator.onLine + ' ' + r.status + ' ' + t)))"
                    + ".catch(x => done(navigator.onLine + ' ' + x));");
            throw new AssertionError(browser.findElement(By.id("waiting")).getText() + " / probe: " + probe, e);
        }
        assertThat(countFor(login)).isEqualTo(2);
        // The queue retries (another 'online', a reload): still two.
        ((ChromeDriver) browser).executeScript("window.dispatchEvent(new Event('online'))");
        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.id("my-helped")));
        assertThat(browser.findElement(By.id("my-helped")).getText()).isEqualTo("2");
        assertThat(countFor(login)).isEqualTo(2);
        assertThat(browser.findElement(By.id("mine")).getText()).contains("Lò Văn Pọm", "Quàng Thị Én");

        // Online, at the market: a trader picked from the market's list.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("marketCode"))).selectByValue("TN-DAITU");
        wait.until(d -> d.findElements(By.cssSelector("#trader-pick option")).size() > 1);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("trader-pick"))).selectByIndex(1);
        browser.findElement(By.cssSelector("#log-form button[type=submit]")).click();
        wait.withTimeout(Duration.ofSeconds(20)).until(d -> countFor(login) == 3);
        assertThat(db.sql("SELECT count(*) FROM tech_activity a JOIN tech_member m ON m.id = a.member_id "
                + "WHERE m.staff_username = ? AND a.trader_id IS NOT NULL").param(login).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theCommuneOfficerSeesTheYearOfResultsAsAChartOnAPhone() throws Exception {
        logIn("xa.daiphuc", DemoProvince.DEMO_PASSWORD);
        browser.get(url("/teams/results"));
        wait.until(d -> "true".equals(d.findElement(By.id("teams-chart")).getDomAttribute("data-drawn")));
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.getElementById('teams-chart').width > 0")).isTrue();
        String helped = browser.findElement(By.id("teams-chart")).getDomAttribute("data-helped");
        assertThat(helped.split(",")).hasSize(12);
        assertThat(java.util.Arrays.stream(helped.split(",")).mapToLong(Long::parseLong).sum()).as("a year of help")
                .isPositive();
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('.chart-box').scrollIntoView()");
        Browser.screenshot(browser, "teams-results");
    }

    private void record(String name, String phone) {
        WebElement form = browser.findElement(By.id("log-form"));
        form.findElement(By.name("residentName")).sendKeys(name);
        form.findElement(By.name("residentPhone")).sendKeys(phone);
        form.findElement(By.name("residentConsent")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElement(By.name("residentName")).getAttribute("value").isEmpty());
    }

    private long countFor(String login) {
        return db.sql("SELECT count(*) FROM tech_activity a JOIN tech_member m ON m.id = a.member_id WHERE m.staff_username = ?")
                .param(login).query(Long.class).single();
    }

    /** Chrome's own network emulation: fetch fails and navigator.onLine follows, as on a phone without data. */
    private void network(boolean offline) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
