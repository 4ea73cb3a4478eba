package vn.cho40.trader;

import java.util.UUID;

/** Where a trader receives money: a bank account or a wallet (phone number under the wallet's BIN). */
public record ReceivingAccount(UUID id, UUID traderId, UUID marketId, Kind kind, String bin, String accountLast4,
                               String holderName, boolean nameMatches, String confirmedBy, String confirmReason) {

    public enum Kind { BANK, WALLET }
}
