package vn.cho40.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, inside the transaction that undoes it, when a credited payment is taken back from a trader (it was
 * credited to the wrong stall): the opposite of {@link PaymentMatched}, with the same facts.
 */
public record PaymentReversed(UUID paymentId, UUID marketId, UUID stallId, UUID traderId, long amountVnd,
                              Instant bookedAt) {
}
