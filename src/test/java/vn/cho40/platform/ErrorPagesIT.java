package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.TraderLogin;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.SmsSender;

/**
 * Errors in the user's language and frame. A browser gets, for 400/403/404/405/500, a page inside the layout with
 * its menu, name and logout and a link to its start page, in Vietnamese or (after ?lang=en) English; a staff member
 * opening another province's market is told it is outside their area and offered its public page. The API (and any
 * client preferring JSON) gets problem+json in the language of Accept-Language. Nothing shows a stack trace, an
 * exception's class or SQL.
 */
@IntegrationTest
class ErrorPagesIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;
    /** What must never reach a user: stack frames, exception classes, SQL, the framework's default error JSON. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "at vn.cho40", "at org.", "java.",
            "org.springframework", "vn.cho40.", "ErrorAdvice", "SELECT", "secret_column", "PSQL", "\"timestamp\"", "No static resource",
            "\"error\":");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;
    @Autowired
    DemoProvince demo;

    private RequestMappingInfo failing;

    @AfterEach
    void removeFailingHandler() {
        if (failing != null) {
            mappings.unregisterMapping(failing);
            failing = null;
        }
    }

    @Test
    void aBrowserGetsEachErrorAsAPageInsideItsLayoutInVietnamese() throws Exception {
        forceAHandlerException();
        BrowserPages board = BrowserPages.loggedIn(port, "bql.daitu");
        BrowserPages cashier = BrowserPages.loggedIn(port, "thungan.daitu");

        board.expect(board.get("/admin/traders/not-an-id"), 400, "Yêu cầu không đọc được", "bql.daitu")
                .contains("Giá trị của &quot;id&quot; thiếu hoặc sai dạng");
        cashier.expect(cashier.get("/admin/users"), 403, "Không có quyền", "thungan.daitu")
                .contains("Vai trò của bạn không được làm việc này");
        board.expect(board.get("/admin/no-such-page"), 404, "Không tìm thấy", "bql.daitu")
                .contains("Không có trang hay dữ liệu nào ở địa chỉ này");
        board.expect(board.get("/admin/traders/" + UUID.randomUUID()), 404, "Không tìm thấy", "bql.daitu");
        HttpResponse<String> wrongMethod = board.get("/admin/markets/TN-DAITU/status");
        board.expect(wrongMethod, 405, "Không làm được theo cách này", "bql.daitu")
                .contains("Địa chỉ này không nhận yêu cầu GET").contains("Hãy dùng nút hoặc biểu mẫu");
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        board.expect(board.get("/admin/test-failure"), 500, "Hệ thống gặp sự cố", "bql.daitu")
                .contains("không phải do bạn").containsPattern("Mã sự cố: [0-9a-f]{8}");
        // A form whose token expired is told to reload, not that the user lacks a right.
        board.expect(board.post("/admin/markets/TN-DAITU/stalls", Map.of("code", "Z-9", "_csrf", "expired")), 403,
                "Biểu mẫu đã hết hạn", "bql.daitu").contains("chưa có gì được lưu").contains("tải lại trang");
    }

    @Test
    void theSamePagesInEnglishOnceTheUserChoseEnglish() throws Exception {
        forceAHandlerException();
        BrowserPages board = BrowserPages.loggedIn(port, "bql.daitu");
        board.get("/?lang=en");
        board.expect(board.get("/admin/traders/not-an-id"), 400, "Unreadable request", "bql.daitu")
                .contains("You are logged in as bql.daitu.");
        board.expect(board.get("/admin/no-such-page"), 404, "Not found", "bql.daitu")
                .contains("There is no page or data at this address").contains("Go to your start page");
        board.expect(board.get("/admin/markets/TN-DAITU/status"), 405, "Not possible this way", "bql.daitu")
                .contains("This address does not accept GET requests");
        board.expect(board.get("/admin/test-failure"), 500, "System problem", "bql.daitu")
                .contains("not because of you").containsPattern("Incident code: [0-9a-f]{8}");
        BrowserPages cashier = BrowserPages.loggedIn(port, "thungan.daitu");
        cashier.expect(cashier.get("/admin/users?lang=en"), 403, "Not allowed", "thungan.daitu");
    }

    @Test
    void aTraderKeepsTheAppsMenuAndAVisitorIsSentToTheDirectory() {
        WebSession trader = TraderLogin.session(port, demo.demoTraderPhone(), sms, clock);
        String refused = trader.get("/admin/traders").body();
        assertThat(refused).contains("<h1>Không có quyền</h1>").contains("href=\"/trader\"")
                .contains("action=\"/logout\"").contains("href=\"/home\"");
        noInternals(refused);

        BrowserPages visitor = BrowserPages.anonymous(port);
        for (String path : new String[] {"/error", "/markets/NO-SUCH-MARKET"}) {
            HttpResponse<String> r = visitor.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).contains("<h1>Không tìm thấy</h1>").contains("<nav")
                    .contains("href=\"/login\"").doesNotContain("action=\"/logout\"")
                    .contains("class=\"button\" href=\"/\">Về danh bạ chợ</a>").doesNotContain("href=\"/home\"");
            noInternals(r.body());
        }
    }

    @Test
    void aMarketOutsideTheStaffMembersAreaIsSaidToBeSoWithItsPublicPage() {
        BrowserPages province = BrowserPages.loggedIn(port, "tinh.thainguyen");
        HttpResponse<String> outside = province.get("/admin/markets/DB-BUNGLAO/stalls");
        province.expect(outside, 403, "Ngoài địa bàn của bạn", "tinh.thainguyen")
                .contains("Chợ Búng Lao (mã DB-BUNGLAO) không thuộc địa bàn tài khoản của bạn")
                .contains("href=\"/markets/DB-BUNGLAO\"").doesNotContain("Không tìm thấy")
                .doesNotContain("data-stall").doesNotContain("<table");
        province.expect(province.get("/admin/markets/NO-SUCH/stalls"), 404, "Không tìm thấy", "tinh.thainguyen")
                .contains("Không tìm thấy chợ mã NO-SUCH");

        ApiCalls api = new ApiCalls(port, "tinh.thainguyen", "vi");
        ApiCalls.Answer stalls = api.get("/api/v1/markets/DB-BUNGLAO/stalls", "application/json");
        stalls.expect(403, "outside-area", "Ngoài địa bàn của bạn");
        assertThat(stalls.body()).contains("\"publicPage\":\"/markets/DB-BUNGLAO\"").doesNotContain("\"code\":\"A-");
        new ApiCalls(port, "tinh.thainguyen", "en").get("/api/v1/markets/DB-BUNGLAO/stalls", "application/json")
                .expect(403, "outside-area", "Outside your area");

        // Reached through anything but its own address (a trader for that market), it stays not found.
        ApiCalls.Answer viaTrader = api.post("/api/v1/traders", "{\"marketCode\":\"DB-BUNGLAO\",\"fullName\":\"X\"}");
        viaTrader.expect(404, "not-found", "Không tìm thấy");
        assertThat(viaTrader.body()).doesNotContain("địa bàn").doesNotContain("publicPage");
        String foreignTrader = new Http(port).as("tinh.dienbien", PASSWORD).get("/api/v1/traders").json().get(0)
                .get("id").asString();
        province.expect(province.get("/admin/traders/" + foreignTrader), 404, "Không tìm thấy", "tinh.thainguyen")
                .doesNotContain("địa bàn");
    }

    @Test
    void theApiAnswersEveryStatusAsAProblemInVietnameseOrEnglish() throws Exception {
        forceAHandlerException();
        for (String lang : new String[] {"vi", "en"}) {
            boolean en = lang.equals("en");
            ApiCalls board = new ApiCalls(port, "bql.daitu", lang);
            board.post("/api/v1/traders", "{not json").expect(400, "unreadable",
                    en ? "Unreadable request" : "Yêu cầu không đọc được");
            board.get("/api/v1/traders/not-an-id", null).expect(400, "unreadable",
                    en ? "Unreadable request" : "Yêu cầu không đọc được");
            // An unknown name, so that no demo account collects failed logins.
            new ApiCalls(port, "no.such.user", lang).withPassword("wrong").get("/api/v1/traders", null)
                    .expect(401, "unauthorized", en ? "Login required" : "Cần đăng nhập")
                    .detail(en ? "Wrong username or password." : "Tên đăng nhập hoặc mật khẩu không đúng.");
            new ApiCalls(port, null, lang).get("/api/v1/traders", null).expect(401, "unauthorized",
                    en ? "Login required" : "Cần đăng nhập");
            new ApiCalls(port, "thungan.daitu", lang).post("/api/v1/traders", "{\"marketCode\":\"TN-DAITU\"}")
                    .expect(403, "forbidden",
                    en ? "Not allowed" : "Không có quyền");
            board.get("/api/v1/no-such-thing", null).expect(404, "not-found", en ? "Not found" : "Không tìm thấy");
            board.get("/api/v1/markets/NO-SUCH", null).expect(404, "not-found", en ? "Not found" : "Không tìm thấy")
                    .detail(en ? "No market with code NO-SUCH." : "Không tìm thấy chợ mã NO-SUCH.");
            board.delete("/api/v1/markets").expect(405, "method-not-allowed",
                    en ? "Not possible this way" : "Không làm được theo cách này");
            board.post("/api/v1/markets/TN-DAITU/stalls", "{\"code\":\"\"}").expect(422, "invalid-input",
                    en ? "Invalid input" : "Dữ liệu chưa hợp lệ");
            board.get("/api/v1/test-failure", null).expect(500, "server-error",
                    en ? "System problem" : "Hệ thống gặp sự cố");
            // A text parameter PostgreSQL refuses (a NUL character) fails in SQL: the answer names no SQL.
            board.get("/api/v1/markets/TN-DAITU/stalls?zone=%00", null).expect(500, "server-error",
                    en ? "System problem" : "Hệ thống gặp sự cố");
        }
    }

    @Test
    void clientsPreferringJsonGetProblemsAndErrorItselfIsNeverStatus999() {
        ApiCalls board = new ApiCalls(port, "bql.daitu", "en");
        board.get("/admin/no-such-page", "application/json").expect(404, "not-found", "Not found");
        board.get("/admin/no-such-page", "text/html;q=0.5, application/json").expect(404, "not-found", "Not found");
        new ApiCalls(port, "thungan.daitu", "vi").get("/admin/users", "application/problem+json")
                .expect(403, "forbidden", "Không có quyền");
        new ApiCalls(port, null, "vi").get("/error", "application/json").expect(404, "not-found", "Không tìm thấy");
        new ApiCalls(port, null, "en").get("/error", "application/json").expect(404, "not-found", "Not found");
    }

    /** A handler that fails the way a bug does, with SQL and class names in its message; removed after each test. */
    private void forceAHandlerException() throws NoSuchMethodException {
        failing = RequestMappingInfo.paths("/admin/test-failure", "/api/v1/test-failure")
                .methods(RequestMethod.GET).options(mappings.getBuilderConfiguration()).build();
        mappings.registerMapping(failing, new Failing(), Failing.class.getDeclaredMethod("fail"));
    }

    static final class Failing {
        String fail() {
            throw new IllegalStateException("SELECT secret_column FROM trader WHERE id = 1 (vn.cho40.Internal)");
        }
    }

    static void noInternals(String body) {
        for (String internal : INTERNALS) {
            assertThat(body).as("no " + internal).doesNotContain(internal);
        }
    }
}
