package vn.cho40.national;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.outbox.Fact;
import vn.cho40.outbox.FactJson;

/**
 * The national database's figures: events applied exactly once (the event id is recorded in the transaction that
 * adds its figures, so a redelivery or a re-read from offset 0 changes nothing), and the per-province sums read
 * from these tables alone, never from a cell.
 */
@Service
@NationalRole
class NationalFigures {

    private static final Logger log = LoggerFactory.getLogger(NationalFigures.class);

    /** One record as consumed: its event id and province from the headers, its payload. */
    record Received(UUID eventId, String topic, String provinceCode, String payload) {
    }

    /** A province's figures for a month; markets live as they stand now. */
    record ProvinceRow(String provinceCode, long paymentsCount, long paymentsValueVnd, long billPaymentsCount,
                       long billPaymentsValueVnd, long marketsLive, long markets) {
    }

    private final JdbcClient db;
    private final Clock clock;

    NationalFigures(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Applies a poll's records in one transaction; returns how many were new. */
    @Transactional
    public int apply(List<Received> records) {
        int applied = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Received r : records) {
            Fact fact;
            try {
                fact = FactJson.read(r.payload());
            } catch (IllegalArgumentException e) {
                // A record no version of cho40 wrote: skipped (and said), never allowed to stop the national figures.
                log.warn("bỏ qua sự kiện không đọc được (unreadable event skipped) {} on {}: {}", r.eventId(), r.topic(),
                        e.getMessage());
                continue;
            }
            int fresh = db.sql("""
                    INSERT INTO national_seen_event (event_id, topic, province_code, seen_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (event_id) DO NOTHING""")
                    .params(r.eventId(), r.topic(), r.provinceCode(), now).update();
            if (fresh == 0) {
                continue; // seen before: at-least-once delivery, applied once
            }
            add(r.provinceCode(), fact);
            applied++;
        }
        return applied;
    }

    private void add(String province, Fact fact) {
        switch (fact) {
            case Fact.Payments p -> db.sql("""
                    INSERT INTO national_market_day (market_id, day, province_code, payments_count, payments_value_vnd)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (market_id, day) DO UPDATE
                    SET payments_count = national_market_day.payments_count + excluded.payments_count,
                        payments_value_vnd = national_market_day.payments_value_vnd + excluded.payments_value_vnd""")
                    .params(p.marketId(), Date.valueOf(p.day()), province, p.count(), p.value().vnd()).update();
            case Fact.BillPayments b -> db.sql("""
                    INSERT INTO national_market_day (market_id, day, province_code, bill_payments_count,
                        bill_payments_value_vnd)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (market_id, day) DO UPDATE
                    SET bill_payments_count = national_market_day.bill_payments_count + excluded.bill_payments_count,
                        bill_payments_value_vnd = national_market_day.bill_payments_value_vnd
                            + excluded.bill_payments_value_vnd""")
                    .params(b.marketId(), Date.valueOf(b.day()), province, b.count(), b.value().vnd()).update();
            // Two servers' relays may deliver a market's steps out of order: the later recorded step wins.
            case Fact.MarketStatus s -> db.sql("""
                    INSERT INTO national_market (market_id, province_code, status, effective_on, recorded_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (market_id) DO UPDATE
                    SET province_code = excluded.province_code, status = excluded.status,
                        effective_on = excluded.effective_on, recorded_at = excluded.recorded_at
                    WHERE national_market.recorded_at <= excluded.recorded_at""")
                    .params(s.marketId(), province, s.status(),
                            s.effectiveOn() == null ? null : Date.valueOf(s.effectiveOn()),
                            Timestamp.from(s.recordedAt())).update();
            case Fact.KpiMonth k -> db.sql("""
                    INSERT INTO national_kpi_month (market_id, month, province_code, version, live, traders,
                        traders_with_qr, traders_active, payments_count, payments_value_vnd)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (market_id, month) DO UPDATE
                    SET version = excluded.version, live = excluded.live, traders = excluded.traders,
                        traders_with_qr = excluded.traders_with_qr, traders_active = excluded.traders_active,
                        payments_count = excluded.payments_count, payments_value_vnd = excluded.payments_value_vnd
                    WHERE national_kpi_month.version < excluded.version""")
                    .params(k.marketId(), Date.valueOf(k.month().atDay(1)), province, k.version(), k.live(),
                            k.traders(), k.tradersWithQr(), k.tradersActive(), k.paymentsCount(),
                            k.paymentsValue().vnd()).update();
        }
    }

    /** Empties the national tables for a rebuild; waits for a consumer's transaction in progress. */
    @Transactional
    public void clear() {
        db.sql("LOCK TABLE national_seen_event, national_market_day, national_market, national_kpi_month "
                + "IN ACCESS EXCLUSIVE MODE").update();
        db.sql("TRUNCATE national_seen_event, national_market_day, national_market, national_kpi_month").update();
    }

    /** Every province with any figure: the month's payments and bill payments, the markets live now. */
    @Transactional(readOnly = true)
    public List<ProvinceRow> provinces(YearMonth month) {
        return db.sql("""
                WITH d AS (
                    SELECT province_code, sum(payments_count) pc, sum(payments_value_vnd) pv,
                           sum(bill_payments_count) bc, sum(bill_payments_value_vnd) bv
                    FROM national_market_day WHERE day >= ? AND day < ? GROUP BY province_code),
                m AS (
                    SELECT province_code, count(*) FILTER (WHERE status = 'LIVE') live, count(*) markets
                    FROM national_market GROUP BY province_code)
                SELECT coalesce(d.province_code, m.province_code), coalesce(d.pc, 0), coalesce(d.pv, 0),
                       coalesce(d.bc, 0), coalesce(d.bv, 0), coalesce(m.live, 0), coalesce(m.markets, 0)
                FROM d FULL JOIN m ON m.province_code = d.province_code
                ORDER BY 1""")
                .params(Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)))
                .query((rs, n) -> new ProvinceRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** How many events the national database has applied. */
    @Transactional(readOnly = true)
    public long eventsSeen() {
        return db.sql("SELECT count(*) FROM national_seen_event").query(Long.class).single();
    }
}
