package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Guessing is slowed per (username, source) and per source; nobody else is ever held back. */
class LoginThrottleTest {

    private static final String A = "203.0.113.7";
    private static final String B = "198.51.100.20";

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 50);

    @Test
    void afterFiveFailuresTheWaitDoublesUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("thungan.daitu", A);
        }
        assertThat(throttle.waitFor("thungan.daitu", A)).as("four failures are free").isZero();
        throttle.failed("thungan.daitu", A);
        assertThat(throttle.waitFor("thungan.daitu", A)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("thungan.daitu", A)).as("waited long enough").isZero();
        throttle.failed("thungan.daitu", A);
        assertThat(throttle.waitFor("thungan.daitu", A)).isEqualTo(Duration.ofSeconds(2));
        throttle.failed("thungan.daitu", A);
        assertThat(throttle.waitFor("thungan.daitu", A)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            throttle.failed("thungan.daitu", A);
        }
        assertThat(throttle.waitFor("thungan.daitu", A)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anotherSourceAndAnotherNameAreNotHeldBack() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("thungan.daitu", A);
        }
        assertThat(throttle.waitFor("thungan.daitu", A)).isPositive();
        assertThat(throttle.waitFor("thungan.daitu", B)).as("the cashier at her own phone").isZero();
        assertThat(throttle.waitFor("bql.daitu", A)).as("below the source's cap").isZero();
    }

    @Test
    void aSourceSprayingManyNamesWaitsForAllOfThem() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("ten" + i, A);
        }
        assertThat(throttle.waitFor("bql.daitu", A)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("bql.daitu", B)).isZero();
    }

    @Test
    void aSuccessClearsOnlyItsOwnNameAndSource() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("thungan.daitu", A);
            throttle.failed("bql.daitu", A);
        }
        clock.advance(Duration.ofSeconds(5));
        throttle.succeeded("thungan.daitu", A);
        throttle.failed("thungan.daitu", A);
        assertThat(throttle.waitFor("thungan.daitu", A)).as("counting starts over").isZero();
        throttle.failed("bql.daitu", A);
        assertThat(throttle.waitFor("bql.daitu", A)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutAny() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("thungan.daitu", A);
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(throttle.waitFor("thungan.daitu", A)).isZero();
        throttle.failed("thungan.daitu", A);
        assertThat(throttle.waitFor("thungan.daitu", A)).as("one failure, free again").isZero();
    }

    @Test
    void sourcesAreAddressesAndIpv6NetworksByTheirSlash64() {
        assertThat(LoginThrottle.source("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.source("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.source("2001:db8:1:2::9"))
                .isNotEqualTo(LoginThrottle.source("2001:db8:1:3::9"));
        assertThat(LoginThrottle.source(null)).isEqualTo("unknown");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T07:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
