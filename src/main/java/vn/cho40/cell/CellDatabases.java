package vn.cho40.cell;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cho40.platform.DatabasePools;
import vn.cho40.platform.DatabaseUrl;

/**
 * Pools to the other cells' databases, one per distinct URL, used only to route webhooks. Small (4 connections) and
 * impatient (2 s to connect): a cell whose database is down must answer its own providers 503 quickly, not hold the
 * requests of the provinces that are up. Pools start empty, so a cell that is down does not stop this one starting.
 */
public final class CellDatabases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CellDatabases.class);
    static final int MAX_CONNECTIONS = 4;
    static final long CONNECT_TIMEOUT_MILLIS = 2_000;

    private final List<CellDatabase> others = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    public CellDatabases(CellMap map) {
        int n = 0;
        for (Map.Entry<String, List<String>> cell : map.provincesByUrl().entrySet()) {
            DatabaseUrl url = DatabaseUrl.parse(cell.getKey());
            HikariDataSource pool = DatabasePools.create("cell-" + (++n), url, MAX_CONNECTIONS);
            pool.setMinimumIdle(0);
            pool.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
            pool.setValidationTimeout(1_000);
            pool.setInitializationFailTimeout(-1);
            // The driver's own limits, seconds: a host that drops packets must fail as fast as one that refuses.
            pool.addDataSourceProperty("connectTimeout", "2");
            pool.addDataSourceProperty("socketTimeout", "10");
            pools.add(pool);
            others.add(CellDatabase.on(DatabasePools.shown(url), cell.getValue(), pool));
            log.info("Cụm tỉnh {} ở {} (cell of provinces {} at {})", cell.getValue(), DatabasePools.shown(url),
                    cell.getValue(), DatabasePools.shown(url));
        }
    }

    /** The other cells, in province order. */
    public List<CellDatabase> others() {
        return List.copyOf(others);
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
