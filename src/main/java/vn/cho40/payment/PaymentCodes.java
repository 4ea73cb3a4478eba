package vn.cho40.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: what a payment code was issued for. The modules that issue codes implement it (a stall's dynamic QR; a
 * market's bills; orders later), so the payments module never knows them. A target carries the account the code
 * asked to be paid into: the matcher honours a code only on that account, so every issuer inherits the rule that a
 * code credits only the owner of the account the money reached.
 *
 * <p>Two kinds of target: a sale (the trader's own account receives it; the matcher credits the trader and the
 * trader's phone announces it) and a settlement (the market board's collection account receives it for a bill or
 * an order; the matcher hands it back to the issuer's {@link #settle}, which posts its own ledger lines).
 */
public interface PaymentCodes {

    /** The code's target, or empty when this issuer never issued it. */
    Optional<Target> find(String code);

    /**
     * The payment code of something people know by another reference (a bill by its printed number), so a cashier
     * assigning a transfer by hand may type either; empty when this issuer knows no such reference.
     */
    default Optional<String> codeOf(String reference) {
        return Optional.empty();
    }

    /** The targets of those of these codes this issuer issued, by code; issuers may answer in one query. */
    default java.util.Map<String, Target> findAll(java.util.Collection<String> codes) {
        java.util.Map<String, Target> found = new java.util.HashMap<>();
        for (String code : codes) {
            find(code).ifPresent(t -> found.put(code, t));
        }
        return found;
    }

    /**
     * Settles what a credit paid, inside the matcher's transaction (or an assignment's): called only with codes
     * this issuer answered with a settling target, all on the same account. The issuer posts the ledger
     * transaction for the payment event (one per event) and records what the money settled; called at most once
     * per payment event, because the matcher claims the event first.
     */
    default void settle(Settlement settlement) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " issues no settling codes");
    }

    /**
     * Settles a batch, as {@link #settle} would one by one; issuers that can should do it in a few statements, since
     * the matcher hands over a batch of up to a thousand credits at a time.
     */
    default void settleAll(List<Settlement> settlements) {
        settlements.forEach(this::settle);
    }

    /**
     * Who is credited when the code is paid into its own account: the market, the stall and the trader (the payee
     * of a sale; the payer of a bill), the account the code was issued for (the keyed hash of its number and its
     * bank's BIN; for a bill the market's collection account, whose id may be null), the amount it asked for
     * (null for any amount), whether it was revoked, and whether it is settled by its issuer rather than credited
     * as a sale.
     */
    record Target(String code, UUID marketId, UUID stallId, UUID traderId, UUID accountId, byte[] accountNumberHash,
                  String bin, Long amountVnd, boolean revoked, boolean settles) {

        /** A sale's target: credited to the trader. */
        public Target(String code, UUID marketId, UUID stallId, UUID traderId, UUID accountId,
                      byte[] accountNumberHash, String bin, Long amountVnd, boolean revoked) {
            this(code, marketId, stallId, traderId, accountId, accountNumberHash, bin, amountVnd, revoked, false);
        }
    }

    /**
     * A credit that pays settling codes: the stored payment event, the market whose collection account received
     * it, the provider it came through (its clearing account is debited), the amount, when the bank booked it,
     * and the codes in the order they were found (one transfer may name several bills).
     */
    record Settlement(UUID paymentEventId, UUID marketId, String provider, long amountVnd, Instant bookedAt,
                      List<String> codes) {
        public Settlement {
            codes = List.copyOf(codes);
        }
    }
}
