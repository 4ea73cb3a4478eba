package vn.cho40.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.shared.Ids;

/** Read access to matched payments for the other modules (the trader's feed, later the revenue book). */
@Service
public class Payments {

    /** A payment a trader received. Ids are UUIDv7, so they sort by time. */
    public record Received(UUID id, long amountVnd, Instant bookedAt, String provider) {
    }

    private static final int MAX = 100;
    /** How long before the last payment a page showed its replay starts (the widest crossing seen is about 1 s). */
    static final java.time.Duration REPLAY_OVERLAP = java.time.Duration.ofSeconds(10);
    /** Replayed payments were received at most this long before the last one shown. */
    static final java.time.Duration ID_WINDOW = java.time.Duration.ofMinutes(10);
    private final JdbcClient db;

    Payments(JdbcClient db) {
        this.db = db;
    }

    /** One matched credit, if it is matched. */
    public java.util.Optional<Received> matched(UUID paymentId) {
        return db.sql("SELECT id, amount_vnd, booked_at, provider FROM payment_event WHERE id = ? AND status = 'MATCHED'")
                .param(paymentId).query(Payments::map).optional();
    }

    /**
     * The trader's matched credits since {@code afterId}, the last one a page showed (the latest ones when null), in
     * the order they were matched. Pages get payments in that order, not in the order of their ids, which are made at
     * receipt on whichever server took the webhook (another cell's matcher takes its share up to a second later, two
     * servers' batches cross). "Ids above the last one shown" could skip a payment matched a moment before it that had
     * not reached the page when its stream dropped. So the replay starts {@link #REPLAY_OVERLAP} before the last one
     * shown was matched and the page drops what it already has by id (feed.js). Ids made more than
     * {@link #ID_WINDOW} before it are not looked at (they keep the scan on the index; a statement line matched late is
     * announced live).
     */
    public List<Received> receivedBy(UUID traderId, UUID afterId, int limit) {
        int n = Math.min(Math.max(limit, 1), MAX);
        if (afterId != null) {
            return db.sql("""
                    SELECT id, amount_vnd, booked_at, provider FROM payment_event
                    WHERE trader_id = ? AND status = 'MATCHED' AND id > ? AND id <> ?
                      AND matched_at >= coalesce((SELECT matched_at FROM payment_event WHERE id = ?), '-infinity')
                                        - make_interval(secs => ?)
                    ORDER BY matched_at, id LIMIT ?""")
                    .params(traderId, Ids.floor(Ids.instantOf(afterId).minus(ID_WINDOW)), afterId, afterId,
                            REPLAY_OVERLAP.toSeconds(), n)
                    .query(Payments::map).list();
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
