package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void areVersion7WithTheRfcVariant() {
        UUID id = Ids.newId();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void carryTheirMillisecondSoTheySortByTime() {
        Instant t = Instant.parse("2026-11-24T01:02:03.456Z");
        UUID earlier = Ids.newId(Clock.fixed(t, ZoneOffset.UTC));
        UUID later = Ids.newId(Clock.fixed(t.plusMillis(1), ZoneOffset.UTC));
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
        assertThat(earlier.toString().compareTo(later.toString())).isNegative();
    }

    @Test
    void doNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Ids.newId())).isTrue();
        }
    }

    @Test
    void anIdKnowsItsMillisecondAndTheFloorOfAMillisecondIsBelowEveryIdMadeThen() {
        Instant t = Instant.parse("2026-12-04T06:30:00.123Z");
        UUID id = Ids.newId(Clock.fixed(t, ZoneOffset.UTC));
        assertThat(Ids.instantOf(id)).isEqualTo(t);
        UUID floor = Ids.floor(t);
        // PostgreSQL compares uuids as unsigned bytes: the string form orders the same way.
        assertThat(floor.toString()).isLessThan(id.toString());
        assertThat(Ids.floor(t.plusMillis(1)).toString()).isGreaterThan(id.toString());
        assertThat(Ids.instantOf(floor)).isEqualTo(t);
    }
}
