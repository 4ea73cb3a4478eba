package vn.cho40.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.shared.VnFormats;

/**
 * Chợ Đại Từ's meters: the board installs and replaces them, the cashier reads them on the phone pages, a file or the
 * API; bad readings are refused with the field named, an unusual jump is saved only once confirmed, and nobody outside
 * the market's board sees or writes them.
 */
@IntegrationTest
class MeteringIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;
    private static final String DAITU = "TN-DAITU";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    Clock clock;
    @Autowired
    MeterUsage usage;

    private LocalDate today() {
        return VnFormats.businessDate(clock.instant());
    }

    /** A stall of Đại Từ with no water meter in service yet (each test takes its own). */
    private String stallWithoutWater() {
        return db.sql("""
                SELECT s.code FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = ?
                AND NOT EXISTS (SELECT 1 FROM meter x WHERE x.stall_id = s.id AND x.kind = 'WATER')
                ORDER BY length(s.code) DESC, s.code DESC LIMIT 1""").param(DAITU).query(String.class).single();
    }

    private Http.Response addWater(WebSession board, String stall, String serial, LocalDate on, long initial) {
        return board.postForm("/admin/markets/" + DAITU + "/meters", Map.of("stallCode", stall, "kind", "WATER",
                "serial", serial, "installedOn", on.toString(), "initialReading", String.valueOf(initial)), "/meters");
    }

    private Map<String, Object> reading(String stall, String kind, LocalDate on, long value) {
        Map<String, Object> body = new HashMap<>();
        body.put("stallCode", stall);
        body.put("kind", kind);
        body.put("readOn", on.toString());
        body.put("value", value);
        return body;
    }

    @Test
    void theDemoGivesEveryStallAnElectricityMeterReadMonthlySoBillingHasUsage() {
        // The demo's stalls: other tests may add stalls to this market after the demo gave each one its meter.
        long stalls = db.sql("""
                SELECT count(*) FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = ?
                AND s.created_at <= (SELECT max(x.created_at) FROM meter x WHERE x.market_id = m.id AND x.serial LIKE 'E-%')""")
                .param(DAITU).query(Long.class).single();
        long electric = db.sql("""
                SELECT count(DISTINCT x.stall_id) FROM meter x JOIN market m ON m.id = x.market_id
                WHERE m.code = ? AND x.kind = 'ELECTRICITY'""").param(DAITU).query(Long.class).single();
        assertThat(electric).isEqualTo(stalls).isGreaterThan(100);
        long water = db.sql("""
                SELECT count(*) FROM meter x JOIN market m ON m.id = x.market_id WHERE m.code = ? AND x.kind = 'WATER'
                AND x.serial LIKE 'N-%'""").param(DAITU).query(Long.class).single();
        assertThat(water).isBetween(stalls / 4, stalls / 2);
        assertThat(db.sql("SELECT count(*) FROM meter_reading WHERE source = 'DEMO' AND read_on = ?")
                .param(today().withDayOfMonth(1)).query(Long.class).single()).as("read at this month's start")
                .isGreaterThanOrEqualTo(stalls);

        UUID market = db.sql("SELECT id FROM market WHERE code = ?").param(DAITU).query(UUID.class).single();
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        Map<UUID, MeterUsage.StallUsage> used = usage.inPeriod(market, MeterKind.ELECTRICITY, last.atDay(1),
                last.atEndOfMonth());
        // Read on the 1st of last month and of this month: the usage of last month's 1st..31st is read from the
        // reading before its first day (the 1st of the month before) to the last one on or before its end.
        assertThat(used).hasSize((int) stalls);
        assertThat(used.values()).allSatisfy(u -> assertThat(u.quantity()).isBetween(25L, 230L));
    }

    @Test
    void theBoardInstallsAndReplacesAMeterKeepingItsHistoryAndRefusesBadInput() {
        WebSession board = new WebSession(port, "bql.daitu", PASSWORD);
        String page = board.get("/meters").body();
        assertThat(page).contains("Công tơ các quầy", "E-TN-DAITU-A-1");
        String stall = stallWithoutWater();
        LocalDate installed = today().minusDays(10);

        Http.Response added = addWater(board, stall, "w-it-1", installed, 7);
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        assertThat(db.sql("SELECT initial_reading FROM meter WHERE serial = 'W-IT-1'").query(Long.class).single())
                .isEqualTo(7);

        Http.Response again = addWater(board, stall, "W-IT-9", installed, 0);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("đang có công tơ loại này (số W-IT-1)", "data-field=\"stallCode\"");
        Http.Response bad = board.postForm("/admin/markets/" + DAITU + "/meters", Map.of("stallCode", "Z-999",
                "kind", "GAS", "serial", "số 12", "installedOn", "31/02/2026", "initialReading", "abc"), "/meters");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("data-field=\"stallCode\"", "data-field=\"kind\"", "data-field=\"serial\"",
                "data-field=\"installedOn\"", "data-field=\"initialReading\"", "Không có quầy");
        assertThat(db.sql("SELECT count(*) FROM meter WHERE serial = 'W-IT-9'").query(Long.class).single()).isZero();

        Http.Response lower = board.postForm("/admin/markets/" + DAITU + "/meters/replace", Map.of("stallCode", stall,
                "kind", "WATER", "removedOn", today().toString(), "finalReading", "5", "newSerial", "W-IT-2"), "/meters");
        assertThat(lower.status()).isEqualTo(200);
        assertThat(lower.body()).contains("data-field=\"finalReading\"");
        Http.Response replaced = board.postForm("/admin/markets/" + DAITU + "/meters/replace", Map.of("stallCode",
                stall, "kind", "WATER", "removedOn", today().toString(), "finalReading", "9", "newSerial", "W-IT-2",
                "initialReading", "0"), "/meters");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(302);
        Map<String, Object> old = db.sql("SELECT removed_on, final_reading, replaced_by FROM meter WHERE serial = 'W-IT-1'")
                .query().singleRow();
        assertThat(old.get("final_reading")).isEqualTo(9L);
        assertThat(old.get("replaced_by")).isEqualTo(db.sql("SELECT id FROM meter WHERE serial = 'W-IT-2'")
                .query(UUID.class).single());
        assertThat(board.get(replaced.location()).body()).contains("W-IT-2", "W-IT-1: lắp");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action IN ('METER_ADD', 'METER_REPLACE') AND subject_id "
                + "= 'W-IT-1'").query(Long.class).single()).isEqualTo(2);

        // The new meter starts at 0: a reading lower than the old meter's last one is right after a replacement.
        Http.Response first = new Http(port).as("thungan.daitu", PASSWORD).postJson("/api/v1/markets/" + DAITU
                + "/meter-readings", reading(stall, "WATER", today(), 1));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("meterSerial").asString()).isEqualTo("W-IT-2");
    }

    @Test
    void theCashierReadsOnThePhonePagesLowerRefusedJumpConfirmedDuplicateExplained() {
        WebSession board = new WebSession(port, "bql.daitu", PASSWORD);
        String stall = stallWithoutWater();
        assertThat(new WebSession(port, "thungan.daitu", PASSWORD).get("/admin/markets/" + DAITU + "/readings?stall="
                + stall + "&kind=WATER").body()).contains("Quầy " + stall + " chưa có công tơ Nước.")
                .doesNotContain("id=\"reading-form\"");
        assertThat(addWater(board, stall, "W-IT-CASH", today().minusDays(20), 100).status()).isEqualTo(302);
        Http api = new Http(port).as("thungan.daitu", PASSWORD);
        assertThat(api.postJson("/api/v1/markets/" + DAITU + "/meter-readings",
                reading(stall, "WATER", today().minusDays(10), 110)).status()).isEqualTo(201);

        WebSession cashier = new WebSession(port, "thungan.daitu", PASSWORD);
        assertThat(cashier.get("/readings").body()).contains("Ghi chỉ số công tơ", stall);
        String screen = cashier.get("/admin/markets/" + DAITU + "/readings?stall=" + stall + "&kind=WATER").body();
        assertThat(screen).contains("W-IT-CASH", "110", VnFormats.date(today().minusDays(10)), "id=\"pad\"");
        // One walk reads every meter: a stall's electricity, then its water, then the next stall.
        assertThat(screen).contains("← Công tơ Điện");
        assertThat(cashier.get("/admin/markets/" + DAITU + "/readings?stall=" + stall + "&kind=ELECTRICITY").body())
                .contains("stall=" + stall + "&amp;kind=WATER", "Tiếp theo: công tơ Nước →");

        String path = "/admin/markets/" + DAITU + "/readings";
        Http.Response lower = cashier.postForm(path, Map.of("stallCode", stall, "kind", "WATER", "value", "105"), path);
        assertThat(lower.status()).isEqualTo(200);
        assertThat(lower.body()).contains("data-field=\"value\"", "nhỏ hơn chỉ số trước 110");

        // 1 m³ a day so far; 90 in ten days is an unusual jump: asked to confirm, saved only with the confirmation.
        Http.Response jump = cashier.postForm(path, Map.of("stallCode", stall, "kind", "WATER", "value", "200"), path);
        assertThat(jump.status()).isEqualTo(200);
        assertThat(jump.body()).contains("data-field=\"confirmJump\"", "tăng đột biến: 90 m³ trong 10 ngày",
                "name=\"confirmValue\"", "Đúng, lưu chỉ số này").doesNotContain("confirmJump=true");
        assertThat(cashier.postForm(path, Map.of("stallCode", stall, "kind", "WATER", "value", "201",
                "confirmValue", "200"), path).status()).as("a confirmation is for the value that was shown")
                .isEqualTo(200);
        Http.Response saved = cashier.postForm(path, Map.of("stallCode", stall, "kind", "WATER", "value", "200",
                "confirmValue", "200"), path);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).contains("/readings?stall=").doesNotContain("stall=" + stall + "&kind=ELECTRICITY");
        assertThat(db.sql("""
                SELECT r.jump_confirmed FROM meter_reading r JOIN meter m ON m.id = r.meter_id
                WHERE m.serial = 'W-IT-CASH' AND r.read_on = ?""").param(today()).query(Boolean.class).single()).isTrue();
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'METER_READING' AND subject_id = 'W-IT-CASH'")
                .query(Long.class).single()).isEqualTo(2);

        Http.Response twice = cashier.postForm(path, Map.of("stallCode", stall, "kind", "WATER", "value", "201"), path);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).contains("đã có chỉ số ngày " + VnFormats.date(today()));

        Http.Response unknown = cashier.get(path + "?stall=ZZ-404");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("Không có quầy");
    }

    @Test
    void theApiRecordsAndListsReadingsWithProblemsNamingTheField() {
        Http api = new Http(port).as("thungan.daitu", PASSWORD);
        String base = "/api/v1/markets/" + DAITU + "/meter-readings";
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("meterSerial", "NO-SUCH-METER");
        unknown.put("value", 5);
        Http.Response refused = api.postJson(base, unknown);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("meterSerial", "NO-SUCH-METER");
        Http.Response english = api.inEnglish().postJson(base, unknown);
        assertThat(english.body()).contains("There is no meter no. NO-SUCH-METER");

        String stall = stallWithoutWater();
        assertThat(addWater(new WebSession(port, "bql.daitu", PASSWORD), stall, "W-IT-API", today().minusDays(5), 40)
                .status()).isEqualTo(302);
        Map<String, Object> bySerial = new HashMap<>();
        bySerial.put("meterSerial", "w-it-api");
        bySerial.put("value", 43);
        Http.Response created = api.postJson(base, bySerial);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.get("stallCode").asString()).isEqualTo(stall);
        assertThat(json.get("previousValue").asLong()).isEqualTo(40);
        assertThat(json.get("consumption").asLong()).isEqualTo(3);
        assertThat(json.get("unit").asString()).isEqualTo("m³");

        Http.Response duplicate = api.postJson(base, bySerial);
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("readOn");

        JsonNode month = api.get(base + "?period=" + YearMonth.from(today())).json();
        assertThat(month.valueStream().map(n -> n.get("meterSerial").asString())).contains("W-IT-API");
        Http.Response badPeriod = api.get(base + "?period=2026-13");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("period");

        // Scope: another market's board, another province, and a role that does not read meters.
        assertThat(new Http(port).as("bql.bunglao", PASSWORD).postJson(base, bySerial).status()).isIn(403, 404);
        assertThat(new Http(port).as("tinh.dienbien", PASSWORD).get(base).status()).isIn(403, 404);
        assertThat(new Http(port).as("kiemtra.thainguyen", PASSWORD).get(base).status()).isEqualTo(403);
        assertThat(new Http(port).get(base).status()).isEqualTo(401);
    }

    @Test
    void anImportShowsEveryProblemFirstThenSavesAllOrNothing() {
        WebSession cashier = new WebSession(port, "thungan.daitu", PASSWORD);
        String stall = stallWithoutWater();
        assertThat(addWater(new WebSession(port, "bql.daitu", PASSWORD), stall, "W-IT-FILE", today().minusDays(30), 0)
                .status()).isEqualTo(302);
        String d1 = VnFormats.date(today().minusDays(20));
        String d2 = VnFormats.date(today().minusDays(10));
        String path = "/admin/markets/" + DAITU + "/readings/import";
        String bad = "ma_quay,loai,so_cong_to,ngay_doc,chi_so,xac_nhan\n" + stall + ",nước,," + d1 + ",20,\n"
                + ",,NOPE-1," + d1 + ",5,\n" + stall + ",nước,," + d2 + ",15,\n";
        Http.Response preview = cashier.upload(path, "chi-so.csv", bad.getBytes(StandardCharsets.UTF_8), path);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("Tệp có 2 lỗi", "NOPE-1", "nhỏ hơn chỉ số trước 20")
                .doesNotContain("name=\"token\"");
        assertThat(db.sql("SELECT count(*) FROM meter_reading r JOIN meter m ON m.id = r.meter_id WHERE m.serial = "
                + "'W-IT-FILE'").query(Long.class).single()).isZero();

        // 20 in the first ten days, then 200 in ten: a jump, accepted with an x in xac_nhan.
        String jumpy = "so_cong_to,ngay_doc,chi_so\nW-IT-FILE," + d1 + ",20\nW-IT-FILE," + d2 + ",220\n";
        assertThat(cashier.upload(path, "chi-so.csv", jumpy.getBytes(StandardCharsets.UTF_8), path).body())
                .contains("Tệp có 1 lỗi", "xac_nhan");
        String good = "ma_quay,loai,ngay_doc,chi_so,xac_nhan\n" + stall + ",nuoc," + d2 + ",220,x\n" + stall + ",nuoc," + d1
                + ",20,\n";
        Http.Response valid = cashier.upload(path, "chi-so.csv", good.getBytes(StandardCharsets.UTF_8), path);
        assertThat(valid.body()).contains("Tệp hợp lệ: 2 chỉ số", "tăng đột biến, đã xác nhận");
        // The same lines in an Excel file pass the same checks.
        assertThat(cashier.upload(path, "chi-so.xlsx", xlsx(stall, d1, d2), path).body())
                .contains("Tệp hợp lệ: 2 chỉ số");
        Matcher token = TOKEN.matcher(valid.body());
        assertThat(token.find()).isTrue();
        Http.Response done = cashier.postForm(path + "/confirm", Map.of("token", token.group(1)), path);
        assertThat(done.status()).isEqualTo(302);
        List<Map<String, Object>> saved = db.sql("""
                SELECT r.value, r.source, r.jump_confirmed FROM meter_reading r JOIN meter m ON m.id = r.meter_id
                WHERE m.serial = 'W-IT-FILE' ORDER BY r.read_on""").query().listOfRows();
        assertThat(saved).extracting(r -> r.get("value")).containsExactly(20L, 220L);
        assertThat(saved).extracting(r -> r.get("jump_confirmed")).containsExactly(false, true);
        assertThat(saved).extracting(r -> r.get("source")).containsOnly("IMPORT");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'METER_READING_IMPORT'").query(Long.class)
                .single()).isPositive();
    }

    private static byte[] xlsx(String stall, String d1, String d2) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("Chỉ số");
            String[][] rows = {{"Mã quầy", "Loại", "Ngày đọc", "Chỉ số", "Xác nhận"}, {stall, "Nước", d1, "20", ""},
                    {stall, "Nước", d2, "220", "x"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long readingsDue(Http as) {
        for (JsonNode t : as.get("/api/v1/me/tasks").json().valueStream().toList()) {
            if (t.get("kind").asString().equals("METER_READINGS_DUE")) {
                return t.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void aMeterNotReadThisMonthWaitsOnTheCashiersList() {
        Http cashier = new Http(port).as("thungan.daitu", PASSWORD);
        long before = readingsDue(cashier);
        String stall = stallWithoutWater();
        LocalDate lastMonth = today().withDayOfMonth(1).minusDays(3);
        assertThat(addWater(new WebSession(port, "bql.daitu", PASSWORD), stall, "W-IT-DUE", lastMonth, 3).status())
                .isEqualTo(302);
        assertThat(readingsDue(cashier)).isEqualTo(before + 1);
        // The walk's progress line agrees with the to-do: what is left is what waits.
        WebSession walker = new WebSession(port, "thungan.daitu", PASSWORD);
        assertThat(walker.get("/readings").body()).containsPattern("id=\"round-progress\">Tháng \\d+/\\d{4}: đã ghi "
                + "[\\d.]+ trên [\\d.]+ công tơ, còn " + VnFormats.groupThousands(before + 1) + "\\.<");
        assertThat(cashier.postJson("/api/v1/markets/" + DAITU + "/meter-readings", reading(stall, "WATER", today(), 4))
                .status()).isEqualTo(201);
        assertThat(readingsDue(cashier)).isEqualTo(before);
        assertThat(readingsDue(new Http(port).as("tinh.thainguyen", PASSWORD))).as("not a province's task").isZero();
    }

    @Test
    void pagesAreScopedToTheMarketsBoardAndGuardedByPermission() {
        String meters = "/admin/markets/" + DAITU + "/meters";
        String readings = "/admin/markets/" + DAITU + "/readings";
        assertThat(new WebSession(port, "bql.bunglao", PASSWORD).get(meters).status()).isIn(403, 404);
        assertThat(new WebSession(port, "bql.bunglao", PASSWORD).get(readings).status()).isIn(403, 404);
        assertThat(new WebSession(port, "bql.bunglao", PASSWORD).get("/meters").body()).doesNotContain("TN-DAITU");
        WebSession cashier = new WebSession(port, "thungan.daitu", PASSWORD);
        assertThat(cashier.get(meters).status()).as("a cashier reads meters but does not install them").isEqualTo(403);
        assertThat(cashier.get("/meters").status()).isEqualTo(403);
        assertThat(new WebSession(port, "kiemtra.thainguyen", PASSWORD).get(readings).status()).isEqualTo(403);
        WebSession province = new WebSession(port, "tinh.thainguyen", PASSWORD);
        assertThat(province.get("/meters").body()).contains("/admin/markets/TN-DAITU/meters", "/admin/markets/TN-DU/meters");
        assertThat(province.get(meters).status()).isEqualTo(200);
        WebSession english = new WebSession(port, "thungan.daitu", PASSWORD);
        assertThat(english.get(readings + "?stall=A-1&kind=ELECTRICITY&lang=en").body())
                .contains("Previous reading", "Save reading", "Electricity meter no. E-TN-DAITU-A-1");
    }
}
