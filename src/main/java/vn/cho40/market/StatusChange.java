package vn.cho40.market;

import java.time.Instant;
import java.time.LocalDate;

/** One step of a market's Chợ 4.0 rollout, as recorded. */
public record StatusChange(MarketStatus from, MarketStatus to, LocalDate effectiveOn, Instant recordedAt,
                           String recordedBy) {
}
