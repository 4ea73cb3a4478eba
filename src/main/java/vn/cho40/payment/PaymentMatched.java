package vn.cho40.payment;

import java.time.Instant;
import java.util.UUID;

/** Published once a credit is matched to a trader and posted: what the trader's phone will announce. */
public record PaymentMatched(UUID paymentId, UUID marketId, UUID stallId, UUID traderId, long amountVnd,
                             Instant bookedAt) {
}
