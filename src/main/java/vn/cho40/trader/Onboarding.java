package vn.cho40.trader;

import java.time.Instant;
import java.util.UUID;

/** A community tech member's onboarding of one trader, resumable at its step until completed. */
public record Onboarding(UUID id, UUID marketId, String marketCode, String marketName, UUID traderId,
                         String traderName, Step step, String startedBy, Instant updatedAt, Instant completedAt) {

    /** The wizard's screens, in order; FIND is the first and creates the row. */
    public enum Step { FIND, IDENTITY, PHONE, ACCOUNT, STALL, CONFIRM, DONE;

        public String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public int number() {
            return ordinal() + 1;
        }
    }
}
