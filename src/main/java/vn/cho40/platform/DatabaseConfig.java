package vn.cho40.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL only. With {@code DATABASE_URL} the platform uses that server; without it, it starts real
 * PostgreSQL binaries in-process with their data in {@code CHO40_DATA_DIR}, so the demo needs no setup and
 * keeps its data between runs. The embedded server runs with fsync off: good for demos and tests only.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(@Value("${cho40.database-url:}") String databaseUrl,
                          @Value("${cho40.data-dir}") String dataDir) throws IOException {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("cho40");
        pool.setMaximumPoolSize(10);
        // Batched inserts travel as multi-row INSERTs: the group commits of the payment path depend on it.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (!databaseUrl.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
            pool.setJdbcUrl(url.jdbcUrl());
            if (url.username() != null) {
                pool.setUsername(url.username());
            }
            if (url.password() != null) {
                pool.setPassword(url.password());
            }
            log.info("Dùng PostgreSQL tại {} (using PostgreSQL server)", url.jdbcUrl().replaceAll("\\?.*", ""));
            return pool;
        }
        EmbeddedPostgres embedded = startEmbedded(Path.of(dataDir));
        pool.setJdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
        return new EmbeddedDataSource(pool, embedded);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) throws IOException {
        Path pgData = dataDir.toAbsolutePath().resolve("pgdata");
        Files.createDirectories(pgData.getParent());
        log.info("Khởi động PostgreSQL nhúng, dữ liệu tại {} (starting embedded PostgreSQL)", pgData);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "50")
                .start();
    }
}
