package vn.cho40.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.market.MarketStatus;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;
import vn.cho40.payment.MatchAll;
import vn.cho40.payment.PaymentMatched;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.payment.WebhookSigner;
import vn.cho40.trader.StallAccounts;

/**
 * The indicators on a small hand-made market (Chợ Xá Nhè, Điện Biên): its last month and this one, payments sent as
 * signed webhooks; the monthly tally equal to a recount of the payment rows after duplicates and a crash; the freeze
 * and its versions; both unit regimes; scopes and refusals; the report files read back; the open data.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutIT {

    private static final String PW = DemoProvince.DEMO_PASSWORD;
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final AtomicLong ORDER = new AtomicLong(9_500_000);
    private static final String PAYOS_KEY = "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;
    @Autowired
    StallAccounts accounts;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    KpiFigures figures;
    @Autowired
    KpiSnapshots snapshots;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    vn.cho40.payment.PaymentExceptions exceptions;

    YearMonth last;
    YearMonth now;
    UUID market;
    Instant beforeRevision;

    @BeforeAll
    void handMadeMarket() throws Exception {
        now = figures.currentMonth();
        last = now.minusMonths(1);
        markets.changeStatus("DB-XANHE", MarketStatus.ONBOARDING, last.atDay(1), "it");
        markets.changeStatus("DB-XANHE", MarketStatus.LIVE, last.atDay(10), "it");
        market = markets.get("DB-XANHE").id();
        List<Stall> all = stalls.list(markets.get("DB-XANHE"), null, null).stream()
                .sorted(java.util.Comparator.comparing(Stall::code)).toList();
        assertThat(all).hasSize(65);
        Instant monthStart = now.atDay(1).atStartOfDay(VN).toInstant();
        for (int i = 0; i < all.size(); i++) {
            UUID stall = all.get(i).id();
            if (i < 40) { // codes up since the 5th of last month
                qr(stall, last.atDay(5).atTime(9, 0).atZone(VN).toInstant(), null);
            } else if (i < 50) { // codes put up this month
                Instant at = Instant.now().minusSeconds(60);
                qr(stall, at.isBefore(monthStart) ? monthStart.plusMillis(1) : at, null);
            } else { // codes revoked on the 20th of last month
                qr(stall, last.atDay(1).atStartOfDay(VN).toInstant(), last.atDay(20).atStartOfDay(VN).toInstant());
            }
        }
        db.sql("UPDATE lease SET ends_on = ? WHERE stall_id = ? AND ends_on IS NULL")
                .params(java.sql.Date.valueOf(last.atDay(15)), all.get(64).id()).update();
        String a = account(all.get(0));
        String b = account(all.get(1));
        String c = account(all.get(2));
        String d = account(all.get(45)); // paid last month, but its code came this month
        Instant inLast = last.atDay(12).atTime(10, 0).atZone(VN).toInstant();
        long first = payOs(a, 10_000, inLast);
        payOs(a, 20_000, inLast.plusSeconds(60));
        payOs(a, 30_000, inLast.plusSeconds(120));
        payOs(b, 50_000, inLast.plusSeconds(180));
        payOs(d, 5_000, inLast.plusSeconds(240));
        resend(first, a, 10_000, inLast); // the provider delivers one again: stored once
        payOs(c, 7_000, Instant.now().minusSeconds(30));
        payOs(c, 8_000, Instant.now().minusSeconds(20));
        MatchAll.now(matcher, db);
    }

    private void qr(UUID stall, Instant created, Instant revoked) {
        int n = db.sql("UPDATE stall_qr_code SET created_at = ?, revoked_at = ?, revoke_reason = ? WHERE stall_id = ? AND kind = 'STATIC'")
                .params(Timestamp.from(created), revoked == null ? null : Timestamp.from(revoked),
                        revoked == null ? null : "it", stall).update();
        assertThat(n).isEqualTo(1);
    }

    private String account(Stall stall) {
        return accounts.defaultFor(stall.id()).orElseThrow().accountNumber();
    }

    private long payOs(String account, long amount, Instant at) throws Exception {
        long id = ORDER.incrementAndGet();
        send(WebhookSigner.payOs(new WebhookSigner.Transfer(id, "FT-KPI-" + id, account, amount, true, at, "mua hang"),
                PAYOS_KEY));
        return id;
    }

    private void resend(long id, String account, long amount, Instant at) throws Exception {
        send(WebhookSigner.payOs(new WebhookSigner.Transfer(id, "FT-KPI-" + id, account, amount, true, at, "mua hang"),
                PAYOS_KEY));
    }

    private void send(WebhookSigner.Signed s) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(s.body()));
        s.headers().forEach(r::header);
        int status = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).isBetween(200, 299);
    }

    private MarketMonth live(YearMonth month) {
        return figures.market("11", month, market).orElseThrow();
    }

    @Test
    void eachIndicatorFollowsItsDefinition() {
        MarketMonth m = live(last);
        assertThat(m.live()).as("live from the 10th of the month").isTrue();
        assertThat(m.traders()).as("65 leases, one ended on the 15th").isEqualTo(64);
        assertThat(m.tradersWithQr()).as("40 codes; 10 came later, 15 revoked").isEqualTo(40);
        assertThat(m.tradersActive()).as("a and b; d was paid but had no code yet").isEqualTo(2);
        assertThat(m.paymentsCount()).as("the duplicate delivery counts once").isEqualTo(5);
        assertThat(m.paymentsValue()).isEqualTo(115_000);
        MarketMonth current = live(now);
        assertThat(current.tradersWithQr()).isEqualTo(50);
        assertThat(current.traders()).isEqualTo(64);
        assertThat(current.tradersActive()).isEqualTo(1);
        assertThat(current.paymentsCount()).isEqualTo(2);
        assertThat(current.paymentsValue()).isEqualTo(15_000);
        // A province that asks for two payments a month counts only a.
        db.sql("INSERT INTO kpi_setting VALUES ('11', 2, now(), 'it')").update();
        try {
            assertThat(live(last).tradersActive()).isEqualTo(1);
        } finally {
            db.sql("DELETE FROM kpi_setting WHERE province_code = '11'").update();
        }
    }

    @Test
    void theTallyEqualsARecountAfterDuplicatesAndACrash() throws Exception {
        AtomicBoolean crash = new AtomicBoolean(true);
        ApplicationListener<PayloadApplicationEvent<?>> crasher = e -> {
            if (e.getPayload() instanceof PaymentMatched && crash.get()) {
                throw new IllegalStateException("simulated crash inside the matcher's transaction");
            }
        };
        context.addApplicationListener(crasher);
        // Another market than the hand-made one, whose figures other tests read.
        var muongLuan = markets.get("DB-MUONGLUAN");
        List<Stall> its = stalls.list(muongLuan, null, null).stream()
                .sorted(java.util.Comparator.comparing(Stall::code)).toList();
        String account = account(its.get(0));
        java.util.function.Supplier<Long> count = () -> figures.market("11", now, muongLuan.id()).orElseThrow()
                .paymentsCount();
        long before = count.get();
        try {
            long id = payOs(account, 9_000, Instant.now().minusSeconds(5));
            Thread.sleep(300); // the background matcher may try (and crash) first
            try {
                matcher.matchPending();
            } catch (IllegalStateException crashed) {
                assertThat(crashed).hasMessageContaining("simulated crash");
            }
            assertThat(count.get()).as("rolled back with the match").isEqualTo(before);
            assertThat(db.sql("SELECT status FROM payment_event WHERE bank_reference = ?").param("FT-KPI-" + id)
                    .query(String.class).single()).isEqualTo("RECEIVED");
        } finally {
            crash.set(false);
            context.removeApplicationListener(crasher);
        }
        MatchAll.now(matcher, db);
        assertThat(count.get()).isEqualTo(before + 1);
        // A person credits a payment to the wrong stall, undoes it, and credits the right one.
        long id = payOs("999988887777", 12_000, Instant.now().minusSeconds(5)); // an account no stall has
        MatchAll.now(matcher, db);
        UUID payment = db.sql("SELECT id FROM payment_event WHERE bank_reference = ?").param("FT-KPI-" + id)
                .query(UUID.class).single();
        exceptions.assign(payment, muongLuan, its.get(2), "theo lời khách", "it");
        assertThat(count.get()).isEqualTo(before + 2);
        assertThat(exceptions.recentlyAssigned(vn.cho40.identity.Scope.national(), 50))
                .anyMatch(a -> a.id().equals(payment));
        exceptions.undo(payment, muongLuan, "ghi nhầm quầy", "it");
        assertThat(count.get()).as("the reversal takes it out").isEqualTo(before + 1);
        assertThat(db.sql("SELECT status FROM payment_event WHERE id = ?").param(payment).query(String.class).single())
                .isEqualTo("EXCEPTION");
        exceptions.assign(payment, muongLuan, its.get(1), "đúng quầy", "it");
        assertThat(count.get()).isEqualTo(before + 2);
        assertThat(db.sql("SELECT count(*) FROM ledger_transaction WHERE payment_event_id = ? OR reference IN (?, ?)")
                .params(payment, "payment:" + payment, "reversal:" + payment).query(Long.class).single())
                .as("credited, reversed, credited again").isEqualTo(3);
        // Every trader's month equals a recount of the matched payment rows, across the whole database (except the
        // rows other tests insert as fixtures, bypassing the matcher: provider 'test', or no market).
        List<String> differences = db.sql("""
                WITH recount AS (
                    SELECT market_id, trader_id, date_trunc('month', booked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS month,
                           count(*) AS n, sum(amount_vnd) AS v
                    FROM payment_event WHERE status = 'MATCHED' AND provider <> 'test' AND market_id IS NOT NULL
                    GROUP BY 1, 2, 3)
                SELECT coalesce(r.market_id, k.market_id) || ' ' || coalesce(r.month, k.month) || ' '
                       || coalesce(r.n, 0) || '/' || coalesce(k.payments_count, 0)
                FROM recount r FULL JOIN (SELECT * FROM kpi_trader_month WHERE payments_count > 0) k
                    ON k.market_id = r.market_id AND k.trader_id = r.trader_id AND k.month = r.month
                WHERE r.n IS DISTINCT FROM k.payments_count OR r.v IS DISTINCT FROM k.payments_value""")
                .query(String.class).list();
        assertThat(differences).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM kpi_trader_month WHERE payments_count > 0").query(Long.class).single())
                .isPositive();
    }

    @Test
    void aFrozenMonthChangesOnlyByANewVersionWithItsReason() {
        // The demo froze last month when the market was still planned; the hand-made changes came after.
        List<KpiSnapshots.Stored> v1 = snapshots.latestStored("11", last).stream()
                .filter(s -> s.month().marketId().equals(market)).toList();
        assertThat(v1).hasSize(1);
        assertThat(v1.getFirst().version()).isEqualTo(1);
        assertThat(v1.getFirst().month().live()).isFalse();
        MarketMonth shown = snapshots.month("11", last).stream().filter(m -> m.marketId().equals(market)).findFirst()
                .orElseThrow();
        assertThat(shown.tradersWithQr()).as("a frozen month is not recomputed silently").isZero();
        beforeRevision = Instant.now();
        assertThat(snapshots.freeze("11", last, "it", "nightly", true).revised()).as("the nightly job revises nothing")
                .isZero();
        KpiSnapshots.Frozen again = snapshots.freeze("11", last, "it", "late statement");
        assertThat(again.revised()).isGreaterThanOrEqualTo(1);
        KpiSnapshots.Stored v2 = snapshots.latestStored("11", last).stream()
                .filter(s -> s.month().marketId().equals(market)).findFirst().orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.month().tradersWithQr()).isEqualTo(40);
        assertThat(db.sql("SELECT reason FROM kpi_snapshot WHERE market_id = ? AND version = 2").param(market)
                .query(String.class).single()).isEqualTo("late statement");
        assertThat(snapshots.storedAsOf("11", last, beforeRevision).stream()
                .filter(s -> s.month().marketId().equals(market)).findFirst().orElseThrow().month().live())
                .as("what a report sent before the revision read").isFalse();
        assertThat(snapshots.freeze("11", last, "it", "again").revised()).as("nothing changed since").isZero();
    }

    @Test
    void officialsSeeTheirAreaInBothRegimesAndNothingElse() {
        WebSession province = new WebSession(port, "tinh.thainguyen", PW);
        String dashboard = province.get("/rollout").body();
        assertThat(dashboard).contains("Chợ 4.0", "156/KH-UBND", "Xã Đại Phúc", "id=\"units\"", "data-series");
        String districts = province.get("/rollout?level=PROVINCE&code=19&regime=pre2025").body();
        assertThat(districts).contains("Huyện Đại Từ").doesNotContain(">Xã Đại Phúc<");
        assertThat(province.get("/rollout?level=MARKET&code=TN-DAITU&month=2022-08").body())
                .contains("304", "80,0 %", "2.900", "3.300.000.000", "id=\"stalls\"");
        assertThat(dashboard).doesNotContain("id=\"month-refused\"");
        assertThat(province.get("/rollout?month=2026-1").body()).as("a month that is not one is said, not swapped")
                .contains("id=\"month-refused\"", "Không có số liệu tháng &quot;2026-1&quot;");
        assertThat(province.get("/rollout?level=PROVINCE&code=11").status()).isEqualTo(404);
        assertThat(province.get("/rollout?level=MARKET&code=DB-BUNGLAO").status()).isEqualTo(404);
        WebSession commune = new WebSession(port, "xa.daiphuc", PW);
        assertThat(commune.get("/rollout").body()).contains("TN-DAITU", "Chợ trung tâm Đại Từ");
        assertThat(commune.get("/rollout?level=PROVINCE&code=19").status()).isEqualTo(404);
        assertThat(commune.get("/rollout?level=COMMUNE&code=05443").status()).isEqualTo(404);
        WebSession board = new WebSession(port, "bql.daitu", PW);
        assertThat(board.get("/rollout").body()).contains("id=\"stalls\"", "A-1");
        assertThat(board.get("/rollout?level=MARKET&code=TN-DU").status()).isEqualTo(404);
        assertThat(new WebSession(port, "thungan.daitu", PW).get("/rollout").status()).isEqualTo(403);
        String country = new WebSession(port, "admin", IntegrationTest.ADMIN_PASSWORD).get("/rollout").body();
        assertThat(country).as("the national admin sees every province").contains("Tỉnh Thái Nguyên", "Tỉnh Điện Biên");
        Map<?, ?> series = new Http(port).as("tinh.thainguyen", PW).get("/rollout/series.json").json()
                .properties().isEmpty() ? Map.of() : Map.of("ok", true);
        assertThat(series).isNotEmpty();
        String json = province.get("/rollout/series.json?level=PROVINCE&code=19").body();
        assertThat(json.length()).as("compact for a 3G phone").isLessThan(8_000);
        assertThat(json).contains("\"months\":[\"2022-04\"", "\"2022-08\"");
        // The community teams' results ride along, read by unit from the teams module: every entry of the province.
        var units = new Http(port).as("tinh.thainguyen", PW).get("/rollout/series.json?level=PROVINCE&code=19").json()
                .get("units");
        long helped = 0;
        for (var v : units.get("teams.helped")) {
            helped += v.asLong();
        }
        assertThat(helped).isPositive().isEqualTo(db.sql(
                "SELECT count(*) FROM tech_activity WHERE province_code = '19' AND done_at >= '2022-04-01'")
                .query(Long.class).single());
        assertThat(units.get("teams.onboarded")).hasSameSizeAs(units.get("teams.helped"));
        assertThat(new Http(port).as("bql.daitu", PW).get("/rollout/series.json").json().get("units").isEmpty())
                .as("no unit series for a market").isTrue();
    }

    @Test
    void plansRefuseWhatCannotBe() {
        WebSession province = new WebSession(port, "tinh.thainguyen", PW);
        Http.Response created = province.postForm("/rollout/plans", Map.of("issuer", "UBND tỉnh Thái Nguyên",
                "number", "99/KH-UBND", "issuedOn", "2024-03-01", "title", "Kế hoạch thử"), "/rollout/plans");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String plan = created.location().substring(created.location().indexOf("/rollout/plans/"));
        Http.Response early = province.postForm(plan + "/targets", Map.of("indicator", "TRADERS_WITH_QR",
                "kind", "PERCENT", "value", "80", "deadline", "2024-01-31", "scope", "PROVINCE"), plan);
        assertThat(early.body()).contains("Thời hạn phải từ ngày ban hành kế hoạch (01/03/2024) trở đi.");
        Http.Response over = province.postForm(plan + "/targets", Map.of("indicator", "TRADERS_WITH_QR",
                "kind", "PERCENT", "value", "120", "deadline", "2024-12-31", "scope", "PROVINCE"), plan);
        assertThat(over.body()).contains("Tỷ lệ không thể vượt 100 %");
        Http.Response count = province.postForm(plan + "/targets", Map.of("indicator", "PAYMENTS_COUNT",
                "kind", "PERCENT", "value", "50", "deadline", "2024-12-31", "scope", "PROVINCE"), plan);
        assertThat(count.body()).contains("Chỉ tiêu này là số lượng");
        Http.Response outside = province.postForm(plan + "/markets", Map.of("year", "2024",
                "marketCodes", "TN-DAITU, DB-BUNGLAO"), plan);
        assertThat(outside.body()).contains("Chợ DB-BUNGLAO không thuộc tỉnh của kế hoạch");
        assertThat(db.sql("SELECT count(*) FROM rollout_plan_market p JOIN rollout_plan r ON r.id = p.plan_id "
                + "WHERE r.number = '99/KH-UBND'").query(Long.class).single()).as("nothing half-saved").isZero();
        Http.Response ok = province.postForm(plan + "/targets", Map.of("indicator", "TRADERS_WITH_QR",
                "kind", "PERCENT", "value", "80", "deadline", "31/12/2024", "scope", "PROVINCE"), plan);
        assertThat(ok.status()).isEqualTo(302);
        // More live markets than the directory holds: saved (the plan says so), and the page says what is missing.
        int markets = db.sql("SELECT count(*) FROM market WHERE province_code = '19'").query(Integer.class).single();
        assertThat(province.postForm(plan + "/targets", Map.of("indicator", "MARKETS_LIVE", "kind", "COUNT", "value",
                String.valueOf(markets + 38), "deadline", "31/12/2025", "scope", "PROVINCE"), plan).status())
                .isEqualTo(302);
        assertThat(province.postForm(plan + "/targets", Map.of("indicator", "MARKETS_LIVE", "kind", "COUNT", "value",
                "1", "deadline", "31/12/2025", "scope", "COMMUNE", "scopeCode", "05488"), plan).status())
                .isEqualTo(302);
        String page = province.get(plan).body();
        assertThat(page).contains("Phạm vi này mới có " + markets + " chợ trong danh mục");
        assertThat(page.split("target-short", -1)).as("only the target above the directory").hasSize(2);
        String commune = db.sql("SELECT name FROM admin_unit WHERE regime = '2025' AND level = 'commune' "
                + "AND code = '05488'").query(String.class).single();
        assertThat(page).as("a commune by its name").contains("<td>" + commune + "</td>");
        Http.Response duplicate = province.postForm("/rollout/plans", Map.of("issuer", "UBND tỉnh Thái Nguyên",
                "number", "99/KH-UBND", "issuedOn", "2024-03-01", "title", "Lần hai"), "/rollout/plans");
        assertThat(duplicate.body()).contains("Tỉnh đã có kế hoạch số 99/KH-UBND");
        assertThat(new WebSession(port, "tinh.dienbien", PW).get(plan).status()).as("another province's plan").isEqualTo(404);
        assertThat(new WebSession(port, "xa.daiphuc", PW).get("/rollout/plans").status()).isEqualTo(403);
        Http.Response running = province.get("/rollout/report?kind=MONTH&month=" + now);
        assertThat(running.status()).isEqualTo(400);
        assertThat(running.body()).contains("Tháng " + vn.cho40.shared.VnFormats.month(now) + " chưa kết thúc");
        // A half year not over names the month it ends with, not the month asked for.
        YearMonth halfEnd = YearMonth.of(now.getYear(), now.getMonthValue() <= 6 ? 6 : 12);
        Http.Response half = province.get("/rollout/report?kind=HALF&month=" + now);
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.body()).contains("Kỳ báo cáo này kết thúc cuối tháng " + vn.cho40.shared.VnFormats.month(halfEnd));
        Http.Response reported = province.postForm("/rollout/reported", Map.of("regime", "2025", "unitCode", "11",
                "label", "Tài khoản mở mới", "month", last.toString(), "value", "100", "unit", "tài khoản",
                "source", "Báo cáo"), "/rollout/plans");
        assertThat(reported.body()).as("another province's unit").contains("Không có đơn vị này trong tỉnh của bạn");
        Http.Response entered = province.postForm("/rollout/reported", Map.of("regime", "pre2025", "unitCode", "168",
                "label", "Tài khoản Viettel Money mở mới", "month", "2022-08", "value", "11.000", "unit", "tài khoản",
                "source", "Báo cáo của Viettel Thái Nguyên"), "/rollout/plans");
        assertThat(entered.status()).as(entered.body()).isEqualTo(302);
        assertThat(province.get("/rollout?month=2022-08").body()).contains("Số liệu báo cáo (không đo trên hệ thống)",
                "11.000 tài khoản", "Tài khoản Viettel Money mở mới", "Nguồn: Báo cáo của Viettel Thái Nguyên");
    }

    @Test
    void theMonthlyReportReadsBackFromExcelAndPdf() throws Exception {
        WebSession province = new WebSession(port, "tinh.thainguyen", PW);
        String query = "?kind=MONTH&month=2022-08&number=12/BC-SCT&notes=Ghi+ch%C3%BA+th%E1%BB%AD";
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(province.getBytes("/rollout/report.xlsx" + query)))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals("Giá trị giao dịch không dùng tiền mặt")) {
                    assertThat(row.getCell(1).getCellType()).as("the summary's đồng add up in Excel")
                            .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                    cells.add("summary value found");
                }
                for (Cell cell : row) {
                    cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                }
            }
        }
        assertThat(cells).contains("UBND TỈNH THÁI NGUYÊN", "BÁO CÁO", "Số: 12/BC-SCT",
                "V/v báo cáo kết quả triển khai mô hình Chợ 4.0 tháng 08/2022", "Xã Đại Phúc", "2900", "3300000000",
                "Ghi chú thử", "summary value found").as("plans issued after the month are not in its report").doesNotContain("156/KH-UBND");
        try (XSSFWorkbook december = new XSSFWorkbook(new ByteArrayInputStream(
                province.getBytes("/rollout/report.xlsx?kind=MONTH&month=2022-12")))) {
            List<String> texts = new ArrayList<>();
            december.getSheetAt(0).forEach(row -> row.forEach(cell -> texts.add(cell.toString())));
            assertThat(texts).contains("156/KH-UBND", "Chậm tiến độ");
        }
        byte[] pdf = province.getBytes("/rollout/report.pdf" + query);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("BÁO CÁO", "Chợ 4.0", "Xã Đại Phúc", "2.900", "3.300.000.000", "12/BC-SCT");
            var page = doc.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
            }
        }
        byte[] year = province.getBytes("/rollout/report.xlsx?kind=YEAR&month=2023-05");
        assertThat(year.length).isPositive();

        // The commune's own report is headed by its People's Committee, its parts numbered from I.
        WebSession commune = new WebSession(port, "xa.daiphuc", DemoProvince.DEMO_PASSWORD);
        try (var doc = Loader.loadPDF(commune.getBytes("/rollout/report.pdf?kind=MONTH&month=2022-08"))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("UBND XÃ ĐẠI PHÚC", "Đại Phúc, ngày", "I. Kết quả chung", "II. Kết quả theo đơn vị: Chợ")
                    .doesNotContain("SỞ CÔNG THƯƠNG", "UBND TỈNH", "IV. ", "((");
        }
    }

    @Test
    void openDataIsAggregatesForAnyone() throws Exception {
        Http anyone = new Http(port);
        Http.Response csv = anyone.get("/api/v1/open-data/kpi.csv?level=market&province=19&month=2022-08");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).isEqualTo("level,code,name,month,markets,markets_live,traders,traders_with_qr,"
                + "traders_active,payments_count,payments_value_vnd");
        assertThat(lines).contains("market,TN-DAITU,\"Chợ trung tâm Đại Từ\",2022-08,1,1,380,304,200,2900,3300000000");
        assertThat(csv.body()).doesNotContain("@").doesNotContainPattern("\\b0\\d{9}\\b");
        Http.Response district = anyone.get("/api/v1/open-data/kpi.csv?level=district&province=19&month=2022-08");
        Http.Response commune = anyone.get("/api/v1/open-data/kpi.csv?level=commune&province=19&month=2022-08");
        assertThat(sumColumn(district.body(), 9)).isEqualTo(sumColumn(commune.body(), 9)).isEqualTo(2900);
        var json = anyone.get("/api/v1/open-data/kpi?level=province&month=2022-08").json();
        assertThat(json.get("licence").asText()).contains("CC BY 4.0");
        assertThat(json.get("rows").get(0).has("paymentsValueVnd")).isTrue();
        assertThat(anyone.get("/api/v1/open-data/kpi.csv?level=person").status()).isEqualTo(422);
        assertThat(anyone.get("/api/v1/open-data/kpi.csv?month=2999-01").status()).isEqualTo(422);
    }

    private static long sumColumn(String csv, int column) {
        long sum = 0;
        for (String line : csv.split("\n")) {
            if (line.startsWith("level,")) {
                continue;
            }
            String[] cells = line.replaceAll("\"[^\"]*\"", "x").split(",");
            sum += Long.parseLong(cells[column]);
        }
        return sum;
    }
}
