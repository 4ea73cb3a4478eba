package vn.cho40.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 identifiers (RFC 9562): time-ordered, so indexes stay compact, and globally unique, so rows
 * can move to a province's own database without renumbering.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    public static UUID newId(Clock clock) {
        long millis = clock.millis();
        // One draw for both random fields: each draw from the system's generator costs a digest (a few per payment).
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4 | (random[1] & 0xFFL) >>> 4) & 0xFFFL;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** When a UUIDv7 was made (to the millisecond). */
    public static java.time.Instant instantOf(UUID id) {
        return java.time.Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }

    /** The lowest UUIDv7 of that millisecond: {@code id > floor(t)} holds for every id made at {@code t} or later. */
    public static UUID floor(java.time.Instant at) {
        return new UUID(at.toEpochMilli() << 16, 0L);
    }
}
