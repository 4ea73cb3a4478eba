package vn.cho40.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Scope;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * What the matcher tells a board besides its queue: a code of one of its stalls was paid into another account (a
 * look-alike QR: inspect the sign), or a dynamic code was paid with another amount. Open until a person closes it
 * with what they did; the closing is audited.
 */
@Service
public class PaymentWarnings {

    /** One warning as the board sees it. */
    public record Warning(UUID id, String kind, String marketCode, String marketName, String stallCode, String code,
                          Long expectedVnd, long paidVnd, Instant createdAt) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    PaymentWarnings(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String SELECT = """
            SELECT w.id, w.kind, m.code, m.name, s.code, w.payment_code, w.expected_vnd, w.paid_vnd, w.created_at,
                   m.province_code, m.id
            FROM payment_warning w JOIN market m ON m.id = w.market_id LEFT JOIN stall s ON s.id = w.stall_id
            """;

    /** Open warnings of the markets in scope, newest first. */
    public List<Warning> open(Scope scope, int limit) {
        Scope.SqlFilter filter = scope.sql();
        List<Object> params = new ArrayList<>(filter.params());
        params.add(Math.min(Math.max(limit, 1), 500));
        return db.sql(SELECT + " WHERE w.closed_at IS NULL AND " + filter.condition()
                        + " ORDER BY w.created_at DESC LIMIT ?")
                .params(params).query(PaymentWarnings::map).list();
    }

    /** How many warnings wait in scope (for a home page's to-do count). */
    public long count(Scope scope) {
        Scope.SqlFilter filter = scope.sql();
        return db.sql("SELECT count(*) FROM payment_warning w JOIN market m ON m.id = w.market_id "
                        + "WHERE w.closed_at IS NULL AND " + filter.condition())
                .params(filter.params()).query(Long.class).single();
    }

    /** Closes an open warning in scope with what was done; out of scope is not found. */
    @Transactional
    public void close(UUID id, Scope scope, String note, String by) {
        String what = SearchText.clean(note);
        Scope.SqlFilter filter = scope.sql();
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(filter.params());
        record Place(UUID marketId, String province) {
        }
        Place place = db.sql("SELECT m.id, m.province_code FROM payment_warning w JOIN market m ON m.id = w.market_id "
                        + "WHERE w.id = ? AND w.closed_at IS NULL AND " + filter.condition() + " FOR UPDATE OF w")
                .params(params).query((rs, n) -> new Place(rs.getObject(1, UUID.class), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFoundException("payment.warning.notFound", id));
        if (what == null || what.length() < 3) {
            throw new InvalidInputException(Violation.of("note", "payment.warning.noteRequired"));
        }
        db.sql("UPDATE payment_warning SET closed_by = ?, closed_at = ?, close_note = ? WHERE id = ?")
                .params(by, Timestamp.from(clock.instant()), what, id).update();
        audit.record("PAYMENT_WARNING_CLOSE", "payment_warning", id, place.marketId(), place.province(), what);
    }

    private static Warning map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Warning(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getLong(8),
                rs.getTimestamp(9).toInstant());
    }
}
