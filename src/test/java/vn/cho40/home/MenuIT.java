package vn.cho40.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.Menu;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.SmsSender;

/**
 * Every demo role logs in and opens every link of its menu: all answer 200, none 403. Every staff page the menu
 * hides from a role is refused to it by the guard that reads the same entries. Logins land on /home.
 */
@IntegrationTest
class MenuIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;
    private static final Pattern NAV = Pattern.compile("<nav[^>]*>(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"?#]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    Menu menu;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;

    @Test
    void everyRoleOpensEveryLinkOfItsMenuAndIsRefusedTheOthers() {
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put("admin", IntegrationTest.ADMIN_PASSWORD);
        demo.ensureLogins().forEach(l -> logins.put(l[0], PASSWORD));
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> menus = new LinkedHashMap<>();
        logins.forEach((user, password) -> {
            WebSession session = new WebSession(port, user, password);
            List<String> links = menuOf(session.get("/home"));
            menus.put(user, links);
            for (String link : links) {
                int status = session.get(link).status();
                if (status != 200) {
                    problems.add(user + " " + link + " -> " + status);
                }
            }
            for (MenuEntry hidden : menu.all()) {
                if (hidden.audience() == MenuEntry.Audience.STAFF && !links.contains(hidden.path())) {
                    int status = session.get(hidden.path()).status();
                    if (status != 403) {
                        problems.add(user + " hidden " + hidden.path() + " -> " + status + " (expected 403)");
                    }
                }
            }
        });
        WebSession trader = traderSession();
        Http.Response home = trader.get("/home");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).isEqualTo("/trader");
        List<String> traderLinks = menuOf(trader.get("/trader"));
        menus.put("trader", traderLinks);
        for (String link : traderLinks) {
            int status = trader.get(link).status();
            if (status != 200) {
                problems.add("trader " + link + " -> " + status);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(menus.get("thungan.daitu")).as("a cashier's menu")
                .containsExactly("/", "/home", "/admin/traders", "/payments/exceptions", "/payments/statements", "/readings",
                        "/billing/cash", "/billing/cashbook", "/billing", "/billing/rates", "/billing/arrears", "/billing/stalls", "/billing/waivers", "/billing/report", "/billing/settings", "/einvoices");
        assertThat(menus.get("kiemtra.thainguyen")).contains("/admin/audit").doesNotContain("/payments/exceptions");
        assertThat(menus.get("tocongnghe.daiphuc")).contains("/onboarding").doesNotContain("/admin/users");
        assertThat(menus.get("admin")).contains("/admin/users", "/admin/audit", "/payments/exceptions")
                .as("staff never get the trader's app").doesNotContain("/trader");
        assertThat(menus.get("trader")).containsExactly("/", "/trader", "/trader/book", "/trader/check",
                "/trader/bills", "/trader/payslips", "/trader/products");
        assertThat(menuOf(new WebSession(port, null, null).get("/"))).as("nobody signed in").contains("/")
                .doesNotContain("/home", "/admin/traders");
    }

    @Test
    void theGuardRefusesThePagesBelowAnEntryToo() {
        WebSession cashier = new WebSession(port, "thungan.daitu", PASSWORD);
        assertThat(cashier.get("/admin/users").status()).isEqualTo(403);
        assertThat(cashier.get("/onboarding/00000000-0000-0000-0000-000000000000").status()).isEqualTo(403);
        assertThat(cashier.get("/admin/inspections/00000000-0000-0000-0000-000000000000").status()).isEqualTo(403);
        assertThat(new Http(port).as("thungan.daitu", PASSWORD).get("/admin/audit").status()).isEqualTo(403);
    }

    @Test
    void staffAndTradersLandOnTheirHome() {
        WebSession browser = new WebSession(port, null, null);
        browser.get("/login");
        Http.Response login = browser.postForm("/login", Map.of("username", "bql.daitu", "password", PASSWORD),
                "/login");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).isEqualTo("/home");
        assertThat(browser.get("/home").body()).contains("Chợ trung tâm Đại Từ").contains("aria-current=\"page\"");
    }

    private static List<String> menuOf(Http.Response page) {
        assertThat(page.status()).isEqualTo(200);
        Matcher nav = NAV.matcher(page.body());
        assertThat(nav.find()).as("the page has a <nav>").isTrue();
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(nav.group(1));
        while (href.find()) {
            if (!href.group(1).equals("/login") && !href.group(1).equals("/trader/login")) {
                links.add(href.group(1));
            }
        }
        return links;
    }

    private WebSession traderSession() {
        WebSession session = new WebSession(port, null, null);
        String phone = demo.demoTraderPhone();
        // Other tests logged this trader in too: let the one-time-code send limit (3 per 15 min) pass.
        clock.advance(Duration.ofMinutes(16));
        session.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login");
        Matcher code = Pattern.compile("(\\d{6})").matcher(((LogSmsSender) sms).lastMessage(phone).orElseThrow());
        assertThat(code.find()).isTrue();
        Http.Response login = session.postForm("/trader/login", Map.of("phone", phone, "code", code.group(1)),
                "/trader/login");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).as("the trader lands on /home, which is the app").isEqualTo("/home");
        return session;
    }
}
