package vn.cho40.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once a credit is matched to a trader and posted: what the trader's phone will announce. The payment
 * code it carried (null when none): an issuer of codes (an order) learns it was paid without reading the event back.
 */
public record PaymentMatched(UUID paymentId, UUID marketId, UUID stallId, UUID traderId, long amountVnd,
                             Instant bookedAt, String paymentCode) {
}
