package vn.cho40.payment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cho40.outbox.Outbox;

/**
 * Publishes matched payments (and their reversals) for the national service through the outbox, in the transaction
 * that matched them: the outbox sums a transaction's payments per market and day and writes them in one statement
 * before it commits, so the matcher's batch gains one insert, not one per payment.
 */
@Component
class PaymentFacts {

    private final Outbox outbox;

    PaymentFacts(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Synchronous on purpose: it must run in the matcher's transaction. */
    @EventListener
    void on(PaymentMatched e) {
        outbox.addPayments(e.marketId(), e.bookedAt(), 1, e.amountVnd());
    }

    @EventListener
    void on(PaymentReversed e) {
        outbox.addPayments(e.marketId(), e.bookedAt(), -1, -e.amountVnd());
    }
}
