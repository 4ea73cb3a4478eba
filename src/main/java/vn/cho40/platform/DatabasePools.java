package vn.cho40.platform;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pools of the platform: this server's own database and, in a deployment of province cells, the
 * small pools to the other cells' databases (module cell). One place says how a pool is set up, so both behave alike.
 */
public final class DatabasePools {

    private DatabasePools() {
    }

    /** A pool without a URL yet (the embedded database sets it once started). */
    public static HikariDataSource create(String name, int maxSize) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setMaximumPoolSize(maxSize);
        // Batched inserts travel as multi-row INSERTs: the group commits of the payment path depend on it.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        return pool;
    }

    /** A pool on a parsed {@code DATABASE_URL}-style address. */
    public static HikariDataSource create(String name, DatabaseUrl url, int maxSize) {
        HikariDataSource pool = create(name, maxSize);
        pool.setJdbcUrl(url.jdbcUrl());
        if (url.username() != null) {
            pool.setUsername(url.username());
        }
        if (url.password() != null) {
            pool.setPassword(url.password());
        }
        return pool;
    }

    /** The address without its query, which may carry a password: what a log line or a message may show. */
    public static String shown(DatabaseUrl url) {
        return url.jdbcUrl().replaceAll("\\?.*", "");
    }
}
