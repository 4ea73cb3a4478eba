package vn.cho40.metering;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.shared.Ids;
import vn.cho40.shared.VnFormats;

/**
 * The demo's meters: every stall of every market without meters yet gets an electricity meter (every third stall in
 * walking order a water meter too), installed four months ago, read on the first day of each of the last three months
 * and of this month. Values come from the market and stall codes, so every demo shows the same figures. One batch
 * per table, after the demo province (DemoStartup, order 10).
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class MeteringDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MeteringDemo.class);
    private static final int MONTHS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    MeteringDemo(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    private record DemoStall(UUID id, UUID marketId, String marketCode, String code) {
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        // Once: markets added to a demo later (by hand, or the benchmarks' thousands) get no invented meters.
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM meter)", Boolean.class))) {
            return;
        }
        List<DemoStall> stalls = jdbc.query("""
                SELECT s.id, s.market_id, m.code, s.code FROM stall s JOIN market m ON m.id = s.market_id
                JOIN market_zone z ON z.id = s.zone_id
                WHERE NOT EXISTS (SELECT 1 FROM meter x WHERE x.market_id = m.id)
                ORDER BY m.code, z.code, length(s.code), s.code""",
                (rs, n) -> new DemoStall(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4)));
        if (stalls.isEmpty()) {
            return;
        }
        LocalDate thisMonth = VnFormats.businessDate(clock.instant()).withDayOfMonth(1);
        LocalDate installedOn = thisMonth.minusMonths(MONTHS + 1L);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> meters = new ArrayList<>();
        List<Object[]> readings = new ArrayList<>();
        String market = null;
        int index = 0;
        for (DemoStall s : stalls) {
            index = s.marketCode().equals(market) ? index + 1 : 0;
            market = s.marketCode();
            int seed = Math.abs((s.marketCode() + "/" + s.code()).hashCode());
            add(meters, readings, s, MeterKind.ELECTRICITY, seed, 30 + seed % 170, installedOn, now);
            if (index % 3 == 0) {
                add(meters, readings, s, MeterKind.WATER, seed >> 3, 2 + seed % 9, installedOn, now);
            }
        }
        tx.executeWithoutResult(t -> {
            jdbc.batchUpdate("""
                    INSERT INTO meter (id, market_id, stall_id, kind, serial, installed_on, initial_reading, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", meters);
            jdbc.batchUpdate("""
                    INSERT INTO meter_reading (id, market_id, meter_id, read_on, value, source, jump_confirmed,
                        entered_by, created_at) VALUES (?, ?, ?, ?, ?, 'DEMO', false, 'demo', ?)""", readings);
        });
        log.info("Đã nạp {} công tơ và {} chỉ số mẫu trong {} ms (demo meters and readings)", meters.size(),
                readings.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** A meter and its monthly readings: use per month varies between 85% and 115% of the stall's usual use. */
    private void add(List<Object[]> meters, List<Object[]> readings, DemoStall s, MeterKind kind, int seed,
                     int usePerMonth, LocalDate installedOn, Timestamp now) {
        UUID meter = Ids.newId(clock);
        long value = (seed / 7) % 5000;
        meters.add(new Object[] {meter, s.marketId(), s.id(), kind.name(),
                (kind == MeterKind.ELECTRICITY ? "E-" : "N-") + s.marketCode() + "-" + s.code(), Date.valueOf(installedOn),
                value, now});
        for (int month = 1; month <= MONTHS + 1; month++) {
            value += usePerMonth * (85L + ((seed >> month) % 31)) / 100;
            readings.add(new Object[] {Ids.newId(clock), s.marketId(), meter, Date.valueOf(installedOn.plusMonths(month)),
                    value, now});
        }
    }
}
