package vn.cho40.trader;

import java.util.UUID;

/**
 * Where a trader receives money: a bank account or a wallet (phone number under the wallet's BIN). Only an ACTIVE
 * account receives payments or gets a sign; a number registered a second time waits in PENDING_REVIEW.
 */
public record ReceivingAccount(UUID id, UUID traderId, UUID marketId, Kind kind, String bin, String accountLast4,
                               String holderName, boolean nameMatches, String confirmedBy, String confirmReason,
                               String reviewStatus) {

    public enum Kind { BANK, WALLET }

    public boolean active() {
        return "ACTIVE".equals(reviewStatus);
    }
}
