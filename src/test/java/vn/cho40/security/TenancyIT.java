package vn.cho40.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;
import vn.cho40.market.Markets;
import vn.cho40.trader.Traders;

/**
 * Every endpoint that names a market, trader or onboarding, called by every role of Thái Nguyên (and a
 * trader of Chợ Đại Từ) with the ids of Điện Biên: each must be denied (401, 403 or 404), never served.
 */
@IntegrationTest
class TenancyIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;
    private static final List<String> STAFF_OF_THAI_NGUYEN = List.of("tinh.thainguyen", "xa.daiphuc", "bql.daitu",
            "thungan.daitu", "tocongnghe.daiphuc", "kiemtra.thainguyen");
    /** Open data and public pages: the market directory, administrative units and sign checks are for everyone. */
    private static final Set<String> PUBLIC = Set.of("GET /markets/{code}", "GET /api/v1/markets/{code}",
            "GET /v/{code}",
            // Webhooks answer to a provider's signature, not to a session (tested in WebhookIT).
            "POST /webhooks/payos/{market}", "POST /webhooks/sepay/{market}", "POST /webhooks/casso/{market}",
            "GET /api/v1/admin-units/{code}", "GET /api/v1/admin-units/{code}/children",
            "GET /api/v1/admin-units/{code}/successors",
            // The storefront of local products and its feeds are public; an order's page needs its link's secret.
            "GET /dac-san/cho/{code}", "GET /dac-san/{id}", "GET /dac-san/anh/{id}/{size}.jpg",
            "POST /dac-san/{id}/dat-hang", "GET /dac-san/don-hang/{number}", "GET /feeds/google/{marketCode}.xml",
            "GET /feeds/google/province/{code}.xml");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    Traders traders;
    @Autowired
    vn.cho40.TestClock testClock;

    String foreignTraderId;

    @BeforeEach
    void foreignTrader() {
        // A trader of Chợ Búng Lao (Điện Biên), seen through Điện Biên's own administrator.
        List<Map<String, Object>> list = new Http(port).as("tinh.dienbien", PASSWORD)
                .get("/api/v1/traders").json().valueStream()
                .map(n -> Map.<String, Object>of("id", n.get("id").asString())).toList();
        assertThat(list).as("Điện Biên has demo traders").isNotEmpty();
        foreignTraderId = (String) list.getFirst().get("id");
    }

    record Endpoint(RequestMethod method, String pattern) {
        String path(String trader) {
            String path = pattern.replace("{code}", "DB-BUNGLAO").replace("{id}", trader).replace("{step}", "phone")
                    .replace("{stall}", "A-1").replace("{leaseId}", trader)
                    .replace("{requestId}", trader).replace("{memberId}", trader);
            assertThat(path).as("every path variable is given a foreign value").doesNotContain("{");
            return path;
        }
    }

    List<Endpoint> endpointsNamingSomething() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (!PUBLIC.contains(m + " " + pattern) && !pattern.startsWith("/v3/")
                            && !pattern.startsWith("/actuator")) {
                        endpoints.add(new Endpoint(m, pattern));
                    }
                }
            }
        });
        return endpoints;
    }

    @Test
    void everyRoleIsDeniedEverythingOfAnotherProvince() {
        List<Endpoint> endpoints = endpointsNamingSomething();
        assertThat(endpoints).as("the endpoints under test").hasSizeGreaterThan(15);
        List<String> leaks = new ArrayList<>();
        for (String user : STAFF_OF_THAI_NGUYEN) {
            WebSession session = new WebSession(port, user, PASSWORD);
            for (Endpoint e : endpoints) {
                int status = call(session, e);
                if (status != 401 && status != 403 && status != 404) {
                    leaks.add(user + " " + e.method() + " " + e.path(foreignTraderId) + " -> " + status);
                }
            }
        }
        WebSession trader = traderSession();
        for (Endpoint e : endpoints) {
            int status = call(trader, e);
            // A trader reaching a staff page is sent to the login page or refused.
            if (status != 401 && status != 403 && status != 404 && status != 302) {
                leaks.add("trader " + e.method() + " " + e.path(foreignTraderId) + " -> " + status);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theSameRolesAreServedInsideTheirOwnScope() {
        Http board = new Http(port).as("bql.daitu", PASSWORD);
        assertThat(board.get("/api/v1/markets/TN-DAITU/stalls").status()).isEqualTo(200);
        String ownTrader = board.get("/api/v1/traders").json().get(0).get("id").asString();
        assertThat(board.get("/api/v1/traders/" + ownTrader).status()).isEqualTo(200);
        assertThat(new Http(port).as("thungan.daitu", PASSWORD).get("/api/v1/traders/" + ownTrader).status())
                .isEqualTo(200);
        assertThat(new Http(port).as("tinh.thainguyen", PASSWORD).get("/api/v1/markets/TN-DU/stalls").status())
                .isEqualTo(200);
        assertThat(traderSession().get("/trader").status()).isEqualTo(200);
    }

    @Test
    void readOnlyRolesCannotWriteEvenInScope() {
        Http auditor = new Http(port).as("kiemtra.thainguyen", PASSWORD);
        Http.Response r = auditor.postJson("/api/v1/markets/TN-DAITU/stalls",
                Map.of("code", "Z-1", "category", "Cá", "areaM2", "4"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asString()).contains("Vai trò của bạn không được làm việc này");
        assertThat(new Http(port).as("thungan.daitu", PASSWORD).postJson("/api/v1/traders", Map.of(
                "marketCode", "TN-DAITU")).status()).isEqualTo(403);
    }

    private int call(WebSession session, Endpoint e) {
        String path = e.path(foreignTraderId);
        if (e.method() == RequestMethod.GET) {
            return session.get(path).status();
        }
        if (e.method() == RequestMethod.PUT) {
            return session.putJson(path, "{}").status();
        }
        if (path.endsWith("/import")) {
            return session.upload(path, "x.csv", "ma_quay,nganh_hang,dien_tich_m2\nA-1,Cá,4\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "/admin/traders").status();
        }
        if (path.startsWith("/api/")) {
            return session.postJson(path, "{}").status();
        }
        return session.postForm(path, Map.of("code", "123456", "stallCode", "A-1", "market", "DB-BUNGLAO",
                "status", "ONBOARDING", "token", UUID.randomUUID().toString()), "/admin/traders").status();
    }

    private WebSession traderSession() {
        WebSession session = new WebSession(port, null, null);
        String phone = demo.demoTraderPhone();
        // Other tests logged this trader in too: let the one-time-code send limit (3 per 15 min) pass.
        testClock.advance(java.time.Duration.ofMinutes(16));
        session.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login");
        String text = ((LogSmsSender) sms).lastMessage(phone).orElseThrow();
        Matcher code = Pattern.compile("(\\d{6})").matcher(text);
        assertThat(code.find()).isTrue();
        Http.Response login = session.postForm("/trader/login", Map.of("phone", phone, "code", code.group(1)),
                "/trader/login");
        assertThat(login.status()).as("trader login redirects home").isEqualTo(302);
        return session;
    }
}
