package vn.cho40.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to matched payments for the other modules (the trader's feed, later the revenue book). */
@Service
public class Payments {

    /** A payment a trader received. Ids are UUIDv7, so they sort by time. */
    public record Received(UUID id, long amountVnd, Instant bookedAt, String provider) {
    }

    private static final int MAX = 100;
    private final JdbcClient db;

    Payments(JdbcClient db) {
        this.db = db;
    }

    /** One matched credit, if it is matched. */
    public java.util.Optional<Received> matched(UUID paymentId) {
        return db.sql("SELECT id, amount_vnd, booked_at, provider FROM payment_event WHERE id = ? AND status = 'MATCHED'")
                .param(paymentId).query(Payments::map).optional();
    }

    /** The trader's matched credits after {@code afterId} (all recent ones when null), oldest first. */
    public List<Received> receivedBy(UUID traderId, UUID afterId, int limit) {
        int n = Math.min(Math.max(limit, 1), MAX);
        if (afterId != null) {
            return db.sql("""
                    SELECT id, amount_vnd, booked_at, provider FROM payment_event
                    WHERE trader_id = ? AND status = 'MATCHED' AND id > ? ORDER BY id LIMIT ?""")
                    .params(traderId, afterId, n).query(Payments::map).list();
        }
        List<Received> latest = db.sql("""
                SELECT id, amount_vnd, booked_at, provider FROM payment_event
                WHERE trader_id = ? AND status = 'MATCHED' ORDER BY id DESC LIMIT ?""")
                .params(traderId, n).query(Payments::map).list();
        return latest.reversed();
    }

    /** Matched credits of one Vietnamese day: how many and how much. */
    public record DayTotal(java.time.LocalDate day, int count, long amountVnd) {
    }

    /**
     * The trader's matched credits per day (Vietnam time), from {@code from} to {@code to} inclusive. A day's sum is
     * numeric in PostgreSQL and held at the long's range, so rows from before the amount ceiling cannot break a page.
     */
    public List<DayTotal> dailyCredits(UUID traderId, java.time.LocalDate from, java.time.LocalDate to) {
        return db.sql("""
                SELECT (booked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, count(*),
                       LEAST(sum(amount_vnd), 9223372036854775807)::bigint
                FROM payment_event WHERE trader_id = ? AND status = 'MATCHED' AND direction = 'CREDIT'
                  AND booked_at >= ? AND booked_at < ? GROUP BY 1 ORDER BY 1""")
                .params(traderId, java.sql.Timestamp.from(from.atStartOfDay(vn.cho40.shared.VnFormats.VIETNAM)
                        .toInstant()), java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(
                        vn.cho40.shared.VnFormats.VIETNAM).toInstant()))
                .query((rs, n) -> new DayTotal(rs.getObject(1, java.time.LocalDate.class), rs.getInt(2),
                        rs.getLong(3)))
                .list();
    }

    private static Received map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Received(rs.getObject(1, UUID.class), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                rs.getString(4));
    }
}
