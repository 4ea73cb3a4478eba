package vn.cho40.trader;

import java.time.Instant;
import java.util.UUID;

/** A receiving account a trader asked for in the app, waiting for (or past) a staff decision. Masked. */
public record AccountRequest(UUID id, UUID traderId, UUID marketId, ReceivingAccount.Kind kind, String bin,
                             String accountLast4, String holderName, boolean nameMatches, String traderNote,
                             Status status, Instant requestedAt, String decidedBy, Instant decidedAt,
                             String decisionReason) {

    public enum Status { PENDING, CONFIRMED, REFUSED }
}
