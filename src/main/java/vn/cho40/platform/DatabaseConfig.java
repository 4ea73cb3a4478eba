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
        if (!databaseUrl.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
            log.info("Dùng PostgreSQL tại {} (using PostgreSQL server)", DatabasePools.shown(url));
            return DatabasePools.create("cho40", url, 10);
        }
        HikariDataSource pool = DatabasePools.create("cho40", 10);
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
