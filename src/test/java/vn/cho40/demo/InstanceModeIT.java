package vn.cho40.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Cho40Application;
import vn.cho40.IntegrationTest;
import vn.cho40.platform.StartRefused;

/**
 * The demo never leaks into production: a second platform is started, in serve mode, on the database the demo
 * loader filled for the integration tests, and must refuse to start, saying why and what to do.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InstanceModeIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient db;

    @AfterEach
    void markedAsTheDemoAgain() {
        db.sql("DELETE FROM instance_mode").update();
        db.sql("INSERT INTO instance_mode (mode) VALUES ('DEMO')").update();
    }

    @Test
    void theDemoLoaderMarkedItsDatabase() {
        assertThat(mode()).isEqualTo("DEMO");
    }

    @Test
    void serveRefusesTheDemosDatabaseSayingWhatToDoWithoutAStackTrace(CapturedOutput output) {
        assertThatThrownBy(() -> start(false)).hasRootCauseInstanceOf(StartRefused.class);
        String report = output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START"));
        assertThat(report).contains("là của bản demo", "belongs to the demo", "CHO40_DATA_DIR", "DATABASE_URL",
                "CHO40_DEMO_DIR");
        assertThat(report.indexOf("./cho40 serve không chạy")).isLessThan(report.indexOf("does not run on it"));
        assertThat(report).doesNotContain("\tat ");
    }

    @Test
    void aDatabaseFromBeforeTheMarkIsTheDemosWhenItHoldsTheDemoLogins() {
        db.sql("DELETE FROM instance_mode").update();
        assertThatThrownBy(() -> start(false)).hasRootCauseInstanceOf(StartRefused.class)
                .rootCause().hasMessageContaining("là của bản demo");
        assertThat(mode()).as("recognised once, marked for good").isEqualTo("DEMO");
    }

    @Test
    void theDemoRefusesARealServersDatabase() {
        db.sql("UPDATE instance_mode SET mode = 'SERVE'").update();
        assertThatThrownBy(() -> start(true)).hasRootCauseInstanceOf(StartRefused.class)
                .rootCause().hasMessageContaining("là của một máy chủ thật").hasMessageContaining("belongs to a real server");
    }

    private String mode() {
        return db.sql("SELECT mode FROM instance_mode").query(String.class).single();
    }

    /** The platform as ./cho40 serve (or demo) starts it, on this test's database. */
    private void start(boolean demo) {
        HikariDataSource pool = (HikariDataSource) dataSource;
        String url = pool.getJdbcUrl();
        if (pool.getUsername() != null) {
            url += (url.contains("?") ? "&" : "?") + "user=" + URLEncoder.encode(pool.getUsername(), StandardCharsets.UTF_8);
        }
        if (pool.getPassword() != null) {
            url += "&password=" + URLEncoder.encode(pool.getPassword(), StandardCharsets.UTF_8);
        }
        List<String> args = new ArrayList<>(List.of("--cho40.database-url=" + url, "--cho40.demo.enabled=" + demo,
                "--cho40.data-dir=target/it-db/instance-mode", "--server.port=0", "--spring.main.banner-mode=off",
                "--cho40.demo.traffic-per-minute=0", "--cho40.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
                "--cho40.privacy.data-keys=test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--cho40.privacy.index-key=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="));
        new SpringApplication(Cho40Application.class).run(args.toArray(String[]::new)).close();
    }
}
