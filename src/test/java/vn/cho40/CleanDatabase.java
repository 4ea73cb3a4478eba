package vn.cho40;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Tests start from an empty schema, also on a shared server where an earlier run left data. */
@TestConfiguration(proxyBeanMethods = false)
class CleanDatabase {

    /** The system clock, which tests may move forward instead of sleeping. */
    /** One recorder in the one shared context: a second context would run a second matcher on the same data. */
    @Bean
    MatchedPayments matchedPayments() {
        return new MatchedPayments();
    }

    /** An issuer of codes that tests can break (vn.cho40.payment.BrokenIssuer#breaking); it issues none. */
    @Bean
    vn.cho40.payment.BrokenIssuer brokenIssuer() {
        return new vn.cho40.payment.BrokenIssuer();
    }

    @Bean
    @org.springframework.context.annotation.Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
