package vn.cho40.payment;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: what a payment code was issued for. The modules that issue codes implement it (a stall's dynamic QR
 * today; a market's bills and orders later), so the payments module never knows them. A target carries the
 * account the code asked to be paid into: the matcher honours a code only on that account, so every issuer
 * inherits the rule that a code credits only the owner of the account the money reached.
 */
public interface PaymentCodes {

    /** The code's target, or empty when this issuer never issued it. */
    Optional<Target> find(String code);

    /**
     * Who is credited when the code is paid into its own account: the market, the stall and the trader (the
     * payee), the account the code was issued for (the keyed hash of its number and its bank's BIN), the
     * amount it asked for (null for any amount), and whether it was revoked.
     */
    record Target(String code, UUID marketId, UUID stallId, UUID traderId, UUID accountId, byte[] accountNumberHash,
                  String bin, Long amountVnd, boolean revoked) {
    }
}
