package vn.cho40.rollout;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.shared.Ids;
import vn.cho40.shared.VnFormats;

/**
 * The demo province's history from April 2022, written into the tables the live system keeps: leases from before the
 * programme, each stall's code put up on its day (see {@link DemoHistory}), each trader's payments per month in
 * kpi_trader_month's history columns, every past month frozen, and the two plans of the seeds with their targets
 * and priority lists. Runs after the other demos, in bulk, and never twice.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class RolloutDemo implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RolloutDemo.class);
    static final String TN_PLAN = "156/KH-UBND";
    static final String BK_PLAN = "CV chủ trương Chợ 4.0 Bắc Kạn 2022";
    /** The Bắc Kạn markets named in the seed's list for 2022, now in Thái Nguyên. */
    static final List<String> BK_2022 = List.of("TN-DUCXUAN", "TN-MINHKHAI", "TN-SONGCAU", "TN-CHORA", "TN-NAPHAC",
            "TN-BANGLUNG", "TN-YENLAC", "TN-PHUTHONG", "TN-DONGTAM", "TN-BOCBO");

    private final JdbcClient db;
    private final KpiSnapshots snapshots;
    private final KpiFigures figures;
    private final TransactionTemplate tx;
    private final Clock clock;

    RolloutDemo(JdbcClient db, KpiSnapshots snapshots, KpiFigures figures, TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.snapshots = snapshots;
        this.figures = figures;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // A cell without Thái Nguyên gets no plan of it, so its frozen months say the history was loaded.
        boolean done = db.sql("""
                SELECT EXISTS (SELECT 1 FROM rollout_plan WHERE number = ?) OR EXISTS (SELECT 1 FROM kpi_snapshot)""")
                .param(TN_PLAN).query(Boolean.class).single();
        if (done) {
            return;
        }
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> {
            history();
            plans();
        });
        YearMonth last = figures.currentMonth().minusMonths(1);
        int frozen = 0;
        for (YearMonth m = YearMonth.of(2022, 4); !m.isAfter(last); m = m.plusMonths(1)) {
            frozen += snapshots.freeze(null, m, "demo", null, true).first();
        }
        log.info("Lịch sử Chợ 4.0 mẫu từ 04/2022: {} chợ-tháng đã chốt trong {} ms (demo rollout history)", frozen,
                (System.nanoTime() - started) / 1_000_000);
    }

    private record Trader(UUID id, UUID stallId) {
    }

    private void history() {
        YearMonth current = figures.currentMonth();
        record Live(UUID id, String code, String province, LocalDate liveOn) {
        }
        List<Live> live = db.sql("""
                SELECT m.id, m.code, m.province_code, c.effective_on FROM market m
                JOIN market_status_change c ON c.market_id = m.id AND c.to_status = 'LIVE' ORDER BY m.id""")
                .query((rs, n) -> new Live(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate())).list();
        // Traders held their stalls before the programme; the demo imported them today.
        db.sql("UPDATE lease SET starts_on = DATE '2021-06-01' WHERE ends_on IS NULL AND starts_on > DATE '2021-06-01'")
                .update();
        // Markets by id, months in order and traders by id: the order in which the live payments' tally locks the
        // same rows (PaymentTally), so payments arriving while the demo loads wait for it instead of deadlocking.
        for (Live m : live) {
            List<Trader> traders = db.sql("""
                    SELECT l.trader_id, l.stall_id FROM lease l JOIN stall s ON s.id = l.stall_id
                    WHERE l.market_id = ? AND l.ends_on IS NULL ORDER BY s.code""").param(m.id())
                    .query((rs, n) -> new Trader(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
            int n = traders.size();
            LocalDate[] qrOn = new LocalDate[n];
            List<UUID> stalls = new ArrayList<>(n);
            List<Timestamp> dates = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                qrOn[r] = DemoHistory.qrDate(m.code(), m.liveOn(), r, n);
                stalls.add(traders.get(r).stallId());
                dates.add(Timestamp.from(qrOn[r].atTime(9, 0).atZone(VnFormats.VIETNAM).toInstant()));
            }
            db.sql("""
                    UPDATE stall_qr_code q SET created_at = x.at FROM unnest(?::uuid[], ?::timestamptz[]) AS x(stall_id, at)
                    WHERE q.stall_id = x.stall_id AND q.kind = 'STATIC' AND q.revoked_at IS NULL AND q.created_at > x.at""")
                    .params(stalls.toArray(UUID[]::new), dates.toArray(Timestamp[]::new)).update();
            YearMonth first = YearMonth.from(m.liveOn());
            double elapsed = (LocalDate.now(clock.withZone(VnFormats.VIETNAM)).getDayOfMonth() - 1)
                    / (double) current.lengthOfMonth();
            for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
                LocalDate end = month.atEndOfMonth();
                List<Trader> withQr = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    if (!qrOn[r].isAfter(end)) {
                        withQr.add(traders.get(r));
                    }
                }
                // The running month up to yesterday: the live traffic adds today's.
                DemoHistory.Month totals = DemoHistory.month(m.code(), month, withQr.size(),
                        (int) first.until(month, java.time.temporal.ChronoUnit.MONTHS),
                        month.equals(current) ? elapsed : 1.0);
                List<DemoHistory.Share> shares = DemoHistory.split(m.code(), month, totals, withQr.size());
                if (shares.isEmpty()) {
                    continue;
                }
                db.sql("""
                        INSERT INTO kpi_trader_month (market_id, province_code, trader_id, month, history_count, history_value)
                        SELECT ?, ?, x.trader_id, ?, x.n, x.v FROM unnest(?::uuid[], ?::bigint[], ?::bigint[]) AS x(trader_id, n, v)
                        ORDER BY x.trader_id
                        ON CONFLICT (market_id, month, trader_id) DO UPDATE
                        SET history_count = excluded.history_count, history_value = excluded.history_value""")
                        .params(m.id(), m.province(), Date.valueOf(month.atDay(1)),
                                shares.stream().map(s -> withQr.get(s.trader()).id()).toArray(UUID[]::new),
                                shares.stream().map(DemoHistory.Share::payments).toArray(Long[]::new),
                                shares.stream().map(DemoHistory.Share::valueVnd).toArray(Long[]::new))
                        .update();
            }
        }
    }

    private void plans() {
        // Thái Nguyên's plans are rows of province 19: only a database holding that province's markets gets them.
        if (!db.sql("SELECT EXISTS (SELECT 1 FROM market WHERE province_code = '19')").query(Boolean.class).single()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        UUID tn = plan("19", "UBND tỉnh Thái Nguyên", TN_PLAN, LocalDate.of(2022, 10, 20),
                "Triển khai nhân rộng mô hình Chợ 4.0 – Chợ thanh toán không dùng tiền mặt trên địa bàn tỉnh", now);
        target(tn, Indicator.MARKETS_LIVE, false, 60, LocalDate.of(2022, 12, 31), "PROVINCE", null, now);
        target(tn, Indicator.TRADERS_WITH_QR, true, 100, LocalDate.of(2022, 12, 31), "PROVINCE", null, now);
        target(tn, Indicator.FEES_CASHLESS, true, 100, LocalDate.of(2022, 12, 31), "PROVINCE", null, now);
        target(tn, Indicator.PRODUCTS_ONLINE, true, 100, LocalDate.of(2022, 12, 31), "PROVINCE", null, now);
        // The Bắc Kạn approval of late October 2022 (reported by the province's portal on 03/11/2022); its number
        // is not in the seed, so the demo names the document by what it is.
        UUID bk = plan("19", "UBND tỉnh Bắc Kạn (nay thuộc tỉnh Thái Nguyên)", BK_PLAN, LocalDate.of(2022, 11, 3),
                "Đồng ý chủ trương triển khai mô hình Chợ 4.0 – Chợ thanh toán không dùng tiền mặt năm 2022–2023", now);
        db.sql("""
                INSERT INTO rollout_plan_market (plan_id, market_id, province_code, priority_year)
                SELECT ?, id, province_code, 2022 FROM market WHERE code = ANY(?)""")
                .params(bk, BK_2022.toArray(String[]::new)).update();
        target(bk, Indicator.MARKETS_LIVE, true, 60, LocalDate.of(2022, 11, 30), "PRIORITY", 2022, now);
        target(bk, Indicator.TRADERS_WITH_QR, true, 60, LocalDate.of(2022, 11, 30), "PRIORITY", 2022, now);
        target(bk, Indicator.EINVOICES, true, 100, LocalDate.of(2022, 11, 30), "PRIORITY", 2022, now);
        target(bk, Indicator.MARKETS_LIVE, true, 100, LocalDate.of(2022, 12, 31), "PRIORITY", 2022, now);
        target(bk, Indicator.TRADERS_WITH_QR, true, 100, LocalDate.of(2022, 12, 31), "PRIORITY", 2022, now);
        target(bk, Indicator.TRADERS_ACTIVE, true, 100, LocalDate.of(2023, 12, 31), "PROVINCE", null, now);
    }

    private UUID plan(String province, String issuer, String number, LocalDate on, String title, Timestamp now) {
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO rollout_plan (id, province_code, issuer, number, issued_on, title, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'demo')""")
                .params(id, province, issuer, number, Date.valueOf(on), title, now).update();
        return id;
    }

    private void target(UUID plan, Indicator indicator, boolean percent, long value, LocalDate deadline, String scope,
                        Integer year, Timestamp now) {
        db.sql("""
                INSERT INTO rollout_target (id, plan_id, province_code, indicator, kind, target_value, deadline, scope,
                    scope_code, priority_year, created_at, created_by)
                VALUES (?, ?, '19', ?, ?, ?, ?, ?, NULL, ?, ?, 'demo')""")
                .params(Ids.newId(clock), plan, indicator.name(), percent ? "PERCENT" : "COUNT", value,
                        Date.valueOf(deadline), scope, year, now).update();
    }
}
