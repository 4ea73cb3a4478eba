package vn.cho40.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** A pool that stops its embedded server when it closes, so a stopped app leaves no postgres behind. */
class EmbeddedDataSource extends HikariDataSource {

    private final EmbeddedPostgres server;

    EmbeddedDataSource(HikariDataSource settings, EmbeddedPostgres server) {
        super(settings);
        this.server = server;
    }

    @Override
    public void close() {
        super.close();
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop embedded PostgreSQL", e);
        }
    }
}
