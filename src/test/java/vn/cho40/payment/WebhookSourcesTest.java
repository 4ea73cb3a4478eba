package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WebhookSourcesTest {

    private final AtomicLong nanos = new AtomicLong();

    private WebhookSources sources(double rate, int burst, int refusals, Clock clock) {
        return new WebhookSources(rate, burst, refusals, clock, nanos::get);
    }

    @Test
    void aSourceSpendsItsBurstThenWaitsForTheRate() {
        WebhookSources s = sources(2, 3, 100, Clock.systemUTC());
        assertThat(s.take("10.0.0.1")).isZero();
        assertThat(s.take("10.0.0.1")).isZero();
        assertThat(s.take("10.0.0.1")).isZero();
        assertThat(s.take("10.0.0.1")).as("Retry-After in seconds").isEqualTo(1);
        assertThat(s.take("10.0.0.2")).as("another source has its own bucket").isZero();
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(s.take("10.0.0.1")).as("one token back after 1/rate s").isZero();
        assertThat(s.take("10.0.0.1")).isEqualTo(1);
    }

    @Test
    void acceptedRequestsGiveTheirTokenBackSoGenuineProvidersAreNeverHeldBack() {
        WebhookSources s = sources(1, 2, 100, Clock.systemUTC());
        for (int i = 0; i < 10_000; i++) {
            assertThat(s.take("10.0.0.3")).isZero();
            s.giveBack("10.0.0.3");
        }
        assertThat(sources(0, 1, 100, Clock.systemUTC()).take("10.0.0.3")).as("0: no limit").isZero();
    }

    @Test
    void refusalsAreStoredUpToTheHourlyAllowancePerSource() {
        Instant start = Instant.parse("2026-12-03T08:00:00Z");
        Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
        WebhookSources s = new WebhookSources(50, 200, 3, new Clock() {
            @Override
            public Instant instant() {
                return clock[0].instant();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        }, nanos::get);
        assertThat(s.mayStoreRefusal("10.0.0.4")).isTrue();
        assertThat(s.mayStoreRefusal("10.0.0.4")).isTrue();
        assertThat(s.mayStoreRefusal("10.0.0.4")).isTrue();
        assertThat(s.mayStoreRefusal("10.0.0.4")).isFalse();
        assertThat(s.mayStoreRefusal("10.0.0.5")).isTrue();
        clock[0] = Clock.fixed(start.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThat(s.mayStoreRefusal("10.0.0.4")).as("a new hour").isTrue();
    }

    @Test
    void ipv6SourcesCountPerSlash64() {
        assertThat(WebhookSources.key("[2001:db8:1:2::1]")).isEqualTo(WebhookSources.key("2001:db8:1:2:ffff::9"));
        assertThat(WebhookSources.key("2001:db8:1:3::1")).isNotEqualTo(WebhookSources.key("2001:db8:1:2::1"));
        assertThat(WebhookSources.key("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
