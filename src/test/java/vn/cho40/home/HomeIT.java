package vn.cho40.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.market.Markets;
import vn.cho40.market.Stalls;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.shared.VnFormats;
import vn.cho40.vietqr.StallCodes;

/**
 * Each role's start page shows figures equal to what the database holds, counted here with SQL of the test's own;
 * the waiting work of /api/v1/me/tasks is the queue's.
 */
@IntegrationTest
class HomeIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    FieldCipher cipher;
    @Autowired
    StallCodes codes;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;
    @Autowired
    TestClock clock;

    @BeforeEach
    void somePaymentsSignsAndAnException() throws Exception {
        // Two Đại Từ stalls get their sign (a current static code), one of them is paid today, and a payment to an
        // unknown account of Đại Từ's own provider account waits in its queue.
        List<Object[]> paid = db.sql("""
                SELECT s.code, a.account_enc FROM stall_default_account d JOIN stall s ON s.id = d.stall_id
                JOIN market m ON m.id = s.market_id JOIN receiving_account a ON a.id = d.account_id
                WHERE m.code = 'TN-DAITU' AND a.kind = 'BANK' ORDER BY s.code LIMIT 2""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).list();
        var market = markets.get("TN-DAITU");
        for (Object[] row : paid) {
            codes.issue(market, stalls.find(market, (String) row[0]).orElseThrow());
        }
        String account = cipher.decrypt("account", (byte[]) paid.getFirst()[1]);
        String ref = "HOME-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Webhook.sePay(port, "/webhooks/sepay", "k-123", account, ref, 75_000, "mua rau", clock.instant()))
                .isEqualTo(200);
        assertThat(Webhook.sePay(port, "/webhooks/sepay/TN-DAITU", "daitu-own-key", Long.toString(
                100_000_000L + Math.floorMod(ref.hashCode(), 900_000_000L)),
                ref + "-X", 12_000, "khong ro", clock.instant())).isEqualTo(200);
        Webhook.awaitMatched(db);
    }

    @Test
    void theProvinceAdminSeesTheProvinceAtAGlanceCountedFromTheDatabase() {
        String page = new WebSession(port, "tinh.thainguyen", PASSWORD).get("/home").body();
        String province = "m.province_code = '19'";
        assertThat(figure(page, "fig-markets-LIVE")).isEqualTo(count("SELECT count(*) FROM market m WHERE "
                + province + " AND status = 'LIVE'"));
        assertThat(figure(page, "fig-markets-PLANNED")).isEqualTo(count("SELECT count(*) FROM market m WHERE "
                + province + " AND status = 'PLANNED'"));
        assertThat(figure(page, "fig-markets")).isEqualTo(count("SELECT count(*) FROM market m WHERE " + province))
                .isPositive();
        assertThat(figure(page, "fig-traders")).isEqualTo(count(
                "SELECT count(*) FROM trader t JOIN market m ON m.id = t.market_id WHERE " + province)).isPositive();
        assertThat(figure(page, "fig-traders-qr")).isEqualTo(tradersWithQr(province)).isPositive();
        assertPayments(page, province);
        assertThat(page).contains("Thái Nguyên").contains("Việc cần làm");
    }

    @Test
    void theNationalAdminAndTheCommuneOfficerSeeTheirOwnArea() {
        String national = new WebSession(port, "admin", IntegrationTest.ADMIN_PASSWORD).get("/home").body();
        assertThat(figure(national, "fig-markets")).isEqualTo(count("SELECT count(*) FROM market m"));
        assertThat(figure(national, "fig-traders")).isEqualTo(count("SELECT count(*) FROM trader"));
        assertThat(national).contains("cả nước");
        assertPayments(national, "true");

        String commune = new WebSession(port, "xa.daiphuc", PASSWORD).get("/home").body();
        String where = "m.commune_code = '05488'";
        assertThat(figure(commune, "fig-markets")).isEqualTo(count("SELECT count(*) FROM market m WHERE " + where))
                .isPositive();
        assertThat(figure(commune, "fig-traders")).isEqualTo(count(
                "SELECT count(*) FROM trader t JOIN market m ON m.id = t.market_id WHERE " + where));
        assertThat(figure(commune, "fig-traders-qr")).isEqualTo(tradersWithQr(where));
        assertPayments(commune, where);
    }

    @Test
    void theMarketBoardSeesItsMarketToday() {
        String page = new WebSession(port, "bql.daitu", PASSWORD).get("/home").body();
        String market = "m.code = 'TN-DAITU'";
        assertThat(page).contains("<h1>Chợ trung tâm Đại Từ</h1>");
        assertPayments(page, market);
        assertThat(figure(page, "fig-vacant")).isEqualTo(count("""
                SELECT count(*) FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = 'TN-DAITU'
                AND s.id NOT IN (SELECT stall_id FROM lease WHERE ends_on IS NULL)"""));
        long leased = count("SELECT count(*) FROM lease l JOIN market m ON m.id = l.market_id WHERE " + market
                + " AND l.ends_on IS NULL");
        long signed = count("""
                SELECT count(DISTINCT l.stall_id) FROM lease l JOIN stall_qr_code q ON q.stall_id = l.stall_id
                JOIN market m ON m.id = l.market_id WHERE m.code = 'TN-DAITU' AND l.ends_on IS NULL
                AND q.kind = 'STATIC' AND q.revoked_at IS NULL""");
        assertThat(figure(page, "fig-without-sign")).isEqualTo(leased - signed).isLessThan(leased);
        assertThat(figure(page, "fig-open-rounds")).isEqualTo(count("SELECT count(*) FROM inspection_round r "
                + "JOIN market m ON m.id = r.market_id WHERE " + market + " AND r.finished_at IS NULL"));
        long exceptions = count("SELECT count(*) FROM payment_event e JOIN market m ON m.id = e.market_id WHERE "
                + market + " AND e.status = 'EXCEPTION'");
        assertThat(figure(page, "fig-exceptions")).isEqualTo(exceptions).isPositive();
        assertThat(figure(page, "fig-warnings")).isEqualTo(count("SELECT count(*) FROM payment_warning w "
                + "JOIN market m ON m.id = w.market_id WHERE " + market + " AND w.closed_at IS NULL"));
    }

    @Test
    void theCashiersFirstScreenIsTheCashDesk() {
        String page = new WebSession(port, "thungan.daitu", PASSWORD).get("/home").body();
        long exceptions = count("SELECT count(*) FROM payment_event e JOIN market m ON m.id = e.market_id "
                + "WHERE m.code = 'TN-DAITU' AND e.status = 'EXCEPTION'");
        assertThat(page).contains("id=\"desk-queue\"").contains("Xử lý tiền chưa khớp (" + exceptions + ")")
                .contains("id=\"desk-statements\"");
        assertThat(page.indexOf("desk-queue")).as("the desk before the figures").isLessThan(page.indexOf("fig-today"));
        assertPayments(page, "m.code = 'TN-DAITU'");
    }

    @Test
    void theTechMemberOnboardsFirstThenSeesTheMonthsTraders() {
        // Two onboardings of this tech member: one completed now, one last month (not this month's).
        List<Map<String, Object>> traders = db.sql("""
                SELECT t.id, t.market_id, t.full_name FROM trader t JOIN market m ON m.id = t.market_id
                WHERE m.commune_code = '05488' ORDER BY t.id LIMIT 2""").query().listOfRows();
        Instant now = clock.instant();
        Instant monthStart = LocalDate.ofInstant(now, VnFormats.VIETNAM).withDayOfMonth(1)
                .atStartOfDay(VnFormats.VIETNAM).toInstant();
        onboarded(traders.get(0), now);
        onboarded(traders.get(1), monthStart.minusSeconds(3600));
        String page = new WebSession(port, "tocongnghe.daiphuc", PASSWORD).get("/home").body();
        assertThat(page).contains("id=\"onboard\"");
        assertThat(page.indexOf("id=\"onboard\"")).as("onboarding first").isLessThan(page.indexOf("fig-onboarded"));
        assertThat(figure(page, "fig-onboarded")).isEqualTo(count(
                "SELECT count(*) FROM onboarding WHERE started_by = 'tocongnghe.daiphuc' AND completed_at >= '"
                        + monthStart + "'")).isPositive();
        assertThat(page).contains((String) traders.get(0).get("full_name"));
    }

    @Test
    void theAuditorSeesTheLogAndThePagesTheyMayRead() {
        String page = new WebSession(port, "kiemtra.thainguyen", PASSWORD).get("/home").body();
        assertThat(page).contains("id=\"audit-log\"").contains("href=\"/admin/audit\"")
                .contains("href=\"/admin/traders\"").doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void myTasksCountWhatTheQueueShows() {
        WebSession board = new WebSession(port, "bql.daitu", PASSWORD);
        Map<String, Long> tasks = tasks(new Http(port).as("bql.daitu", PASSWORD));
        long onPage = occurrences(board.get("/payments/exceptions").body(), "class=\"card\" id=\"x-");
        assertThat(tasks.get("PAYMENT_EXCEPTIONS")).isEqualTo(onPage).isPositive();
        assertThat(new Http(port).as("bql.daitu", PASSWORD).get("/api/v1/me/tasks").body())
                .contains("khoản tiền chưa khớp quầy chờ xử lý").contains("\"href\":\"/payments/exceptions\"");
        long warnings = count("SELECT count(*) FROM payment_warning w JOIN market m ON m.id = w.market_id "
                + "WHERE m.code = 'TN-DAITU' AND w.closed_at IS NULL");
        assertThat(tasks.getOrDefault("PAYMENT_WARNINGS", 0L)).isEqualTo(warnings);
        // The menu's badge on the queue's page counts both things waiting there: exceptions and warnings.
        assertThat(board.get("/home").body()).containsPattern("href=\"/payments/exceptions\"[^>]*>"
                + "<span>Thanh toán</span><span\\s+class=\"count\" title=\"[^\"]*\">" + (onPage + warnings)
                + "</span>");
        // The province admin's list also holds the exceptions of no market its credentials received.
        WebSession province = new WebSession(port, "tinh.thainguyen", PASSWORD);
        long provinceOnPage = occurrences(province.get("/payments/exceptions").body(), "class=\"card\" id=\"x-");
        assertThat(tasks(new Http(port).as("tinh.thainguyen", PASSWORD)).get("PAYMENT_EXCEPTIONS"))
                .isEqualTo(provinceOnPage).isEqualTo(count("""
                        SELECT count(*) FROM payment_event e LEFT JOIN market m ON m.id = e.market_id
                        WHERE e.status = 'EXCEPTION' AND (m.province_code = '19'
                           OR (e.market_id IS NULL AND e.province_code = '19'))"""));
        long reviews = count("SELECT count(*) FROM receiving_account a JOIN market m ON m.id = a.market_id "
                + "WHERE a.review_status = 'PENDING_REVIEW' AND m.province_code = '19'");
        assertThat(tasks(new Http(port).as("tinh.thainguyen", PASSWORD)).getOrDefault("ACCOUNTS_TO_REVIEW", 0L))
                .isEqualTo(reviews);
        assertThat(tasks(new Http(port).as("kiemtra.thainguyen", PASSWORD))).as("an auditor works no queue").isEmpty();
        assertThat(new Http(port).get("/api/v1/me/tasks").status()).isEqualTo(401);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void assertPayments(String page, String where) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VnFormats.VIETNAM);
        Instant dayStart = today.atStartOfDay(VnFormats.VIETNAM).toInstant();
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(VnFormats.VIETNAM).toInstant();
        String base = "FROM payment_event e JOIN market m ON m.id = e.market_id WHERE e.status = 'MATCHED' AND "
                + where + " AND e.booked_at >= ";
        assertThat(figure(page, "fig-today-count")).isEqualTo(count("SELECT count(*) " + base + "'" + dayStart + "'"));
        assertThat(figure(page, "fig-today-vnd")).isEqualTo(count("SELECT coalesce(sum(e.amount_vnd), 0) " + base
                + "'" + dayStart + "'"));
        // The month as the rollout's dashboard counts it: matched payments and the history reported before cho40.
        String kpi = "FROM kpi_trader_month k JOIN market m ON m.id = k.market_id WHERE k.month = '"
                + today.withDayOfMonth(1) + "' AND " + where;
        long monthCount = count("SELECT coalesce(sum(k.payments_count + k.history_count), 0) " + kpi);
        assertThat(monthCount).as("at least the month's matched payments")
                .isGreaterThanOrEqualTo(count("SELECT count(*) " + base + "'" + monthStart + "'"));
        assertThat(figure(page, "fig-month-count")).isEqualTo(monthCount);
        assertThat(figure(page, "fig-month-vnd")).isEqualTo(count("SELECT coalesce(sum(k.payments_value + "
                + "k.history_value), 0) " + kpi));
    }

    private long tradersWithQr(String where) {
        return count("""
                SELECT count(*) FROM (SELECT DISTINCT l.trader_id FROM lease l JOIN market m ON m.id = l.market_id
                  JOIN stall_qr_code q ON q.stall_id = l.stall_id AND q.kind = 'STATIC' AND q.revoked_at IS NULL
                  WHERE l.ends_on IS NULL AND\s""" + where + ") x");
    }

    private void onboarded(Map<String, Object> trader, Instant at) {
        db.sql("""
                INSERT INTO onboarding (id, market_id, trader_id, step, started_by, started_at, updated_at, completed_at)
                VALUES (?, ?, ?, 'DONE', 'tocongnghe.daiphuc', ?, ?, ?)""")
                .params(UUID.randomUUID(), trader.get("market_id"), trader.get("id"), java.sql.Timestamp.from(at),
                        java.sql.Timestamp.from(at), java.sql.Timestamp.from(at)).update();
    }

    private long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    /** The machine value of a figure on a page (its data-value attribute). */
    static long figure(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*data-value=\"(-?\\d+)\"").matcher(page);
        assertThat(m.find()).as("figure " + id + " on the page").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long occurrences(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static Map<String, Long> tasks(Http as) {
        Http.Response r = as.get("/api/v1/me/tasks");
        assertThat(r.status()).isEqualTo(200);
        Map<String, Long> out = new java.util.HashMap<>();
        r.json().valueStream().forEach(t -> out.put(t.get("kind").asString(), t.get("count").asLong()));
        return out;
    }
}
