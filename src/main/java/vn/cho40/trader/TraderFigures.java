package vn.cho40.trader;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Scope;

/** Counts of traders and stalls for the start pages: count queries on indexed columns, never whole tables. */
@Service
public class TraderFigures {

    /** A trader someone onboarded, for their list of the month. */
    public record Onboarded(String traderName, String marketName, Instant completedAt) {
    }

    private final JdbcClient db;

    TraderFigures(JdbcClient db) {
        this.db = db;
    }

    /** Traders registered in the scope's markets (where each was onboarded). */
    public long traders(Scope scope) {
        return count("SELECT count(*) FROM trader t JOIN market m ON m.id = t.market_id WHERE ", scope);
    }

    /** Stalls of the scope that nobody trades at today (no open lease). */
    public long vacantStalls(Scope scope) {
        return count("""
                SELECT count(*) FROM stall s JOIN market m ON m.id = s.market_id
                WHERE NOT EXISTS (SELECT 1 FROM lease l WHERE l.stall_id = s.id AND l.ends_on IS NULL) AND\s""", scope);
    }

    /** Onboardings a person started and completed since {@code since}, newest first (at most {@code limit}). */
    public List<Onboarded> completedBy(String username, Instant since, int limit) {
        return db.sql("""
                SELECT t.full_name, m.name, o.completed_at FROM onboarding o
                JOIN trader t ON t.id = o.trader_id JOIN market m ON m.id = o.market_id
                WHERE o.started_by = ? AND o.completed_at >= ? ORDER BY o.completed_at DESC LIMIT ?""")
                .params(username, Timestamp.from(since), limit)
                .query((rs, n) -> new Onboarded(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** How many onboardings a person completed since {@code since}. */
    public long completedCount(String username, Instant since) {
        return db.sql("SELECT count(*) FROM onboarding WHERE started_by = ? AND completed_at >= ?")
                .params(username, Timestamp.from(since)).query(Long.class).single();
    }

    private long count(String sql, Scope scope) {
        Scope.SqlFilter filter = scope.sql();
        return db.sql(sql + filter.condition()).params(filter.params()).query(Long.class).single();
    }
}
