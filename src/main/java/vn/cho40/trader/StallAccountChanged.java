package vn.cho40.trader;

import java.util.List;
import java.util.UUID;

/**
 * The account these stalls are paid into changed (a lease with an account began or ended, the default account
 * was switched, traders were imported). Published inside the writing transaction, so the stalls' QR codes are
 * replaced in the same commit: a sign is never read as a code for an account that no longer applies.
 */
public record StallAccountChanged(UUID marketId, List<UUID> stallIds) {

    public StallAccountChanged {
        stallIds = List.copyOf(stallIds);
    }
}
