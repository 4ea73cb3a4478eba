package vn.cho40.trader;

import java.time.LocalDate;
import java.util.UUID;

/** A trader's right to a stall from one date, until an end date or still open. */
public record Lease(UUID id, UUID marketId, String marketCode, String marketName, UUID stallId, String stallCode,
                    UUID traderId, LocalDate startsOn, LocalDate endsOn, UUID defaultAccountId) {
}
