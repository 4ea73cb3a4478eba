package vn.cho40.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After every demo loader has run: the demo writes a province in seconds, faster than autovacuum notices, and the
 * planner would keep the statistics of nearly empty tables (it once joined every batch of payments with every
 * registered account instead of looking each one up). A bulk load ends with ANALYZE, as after a restore.
 */
@Component
@Order(90)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class DemoStatistics implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    DemoStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("ANALYZE");
    }
}
