package vn.cho40.market;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Scope;

/** Counts of markets for the start pages: one grouped count, never the rows. */
@Service
public class MarketFigures {

    private final JdbcClient db;

    MarketFigures(JdbcClient db) {
        this.db = db;
    }

    /** Markets of the scope by Chợ 4.0 status (every status present, zero when none). */
    public Map<MarketStatus, Long> byStatus(Scope scope) {
        Scope.SqlFilter filter = scope.sql();
        Map<MarketStatus, Long> counts = new EnumMap<>(MarketStatus.class);
        for (MarketStatus s : MarketStatus.values()) {
            counts.put(s, 0L);
        }
        db.sql("SELECT m.status, count(*) FROM market m WHERE " + filter.condition() + " GROUP BY m.status")
                .params(filter.params())
                .query(rs -> {
                    counts.put(MarketStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}
