package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/**
 * Logins live in PostgreSQL, not in one server's memory: a second server behind the balancer finds the same
 * session, and a session the database no longer has is no session on any server.
 */
@IntegrationTest
class SessionsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    @Test
    void aLoginIsARowInTheDatabaseThatEveryServerReads() {
        WebSession cashier = new WebSession(port, null, null);
        Http.Response login = cashier.postForm("/login", Map.of("username", "thungan.daitu",
                "password", DemoProvince.DEMO_PASSWORD), "/login");
        assertThat(login.status()).isEqualTo(302);
        assertThat(cashier.get("/home").status()).isEqualTo(200);
        int rows = db.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'thungan.daitu'")
                .query(Integer.class).single();
        assertThat(rows).as("the login is stored in the database").isGreaterThanOrEqualTo(1);

        // What another server would see after the row is gone (an expiry, a logout elsewhere): no login.
        db.sql("DELETE FROM spring_session WHERE principal_name = 'thungan.daitu'").update();
        Http.Response after = cashier.get("/home");
        Http.Response stranger = new WebSession(port, null, null).get("/home");
        assertThat(stranger.status()).isIn(302, 401);
        assertThat(after.status()).as("answered like someone never logged in").isEqualTo(stranger.status());
    }
}
