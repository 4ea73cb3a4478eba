package vn.cho40.vietqr;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Scope;

/** Counts about signs and inspections for the start pages: a sign is a stall's current static code. */
@Service
public class SignFigures {

    /** Inspection rounds of the scope: how many are open, and when the last one was finished (null: never). */
    public record InspectionState(long openRounds, Instant lastFinishedAt) {
    }

    private static final String CURRENT_SIGN = """
            SELECT 1 FROM stall_qr_code q WHERE q.stall_id = l.stall_id AND q.kind = 'STATIC' AND q.revoked_at IS NULL""";

    private final JdbcClient db;

    SignFigures(JdbcClient db) {
        this.db = db;
    }

    /** Traders with a QR: an open lease whose stall has a current static code. */
    public long tradersWithQr(Scope scope) {
        return count("SELECT count(DISTINCT l.trader_id) FROM lease l JOIN market m ON m.id = l.market_id "
                + "WHERE l.ends_on IS NULL AND EXISTS (" + CURRENT_SIGN + ") AND ", scope);
    }

    /** Stalls with a trader today but no current static code: no sign printed yet (or revoked). */
    public long leasedWithoutSign(Scope scope) {
        return count("SELECT count(*) FROM lease l JOIN market m ON m.id = l.market_id "
                + "WHERE l.ends_on IS NULL AND NOT EXISTS (" + CURRENT_SIGN + ") AND ", scope);
    }

    public InspectionState inspections(Scope scope) {
        Scope.SqlFilter filter = scope.sql();
        return db.sql("""
                SELECT count(*) FILTER (WHERE r.finished_at IS NULL), max(r.finished_at)
                FROM inspection_round r JOIN market m ON m.id = r.market_id WHERE\s""" + filter.condition())
                .params(filter.params())
                .query((rs, n) -> new InspectionState(rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
    }

    private long count(String sql, Scope scope) {
        Scope.SqlFilter filter = scope.sql();
        return db.sql(sql + filter.condition()).params(filter.params()).query(Long.class).single();
    }
}
