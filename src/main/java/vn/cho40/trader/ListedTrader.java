package vn.cho40.trader;

import java.time.LocalDate;
import java.util.UUID;
import vn.cho40.privacy.Mask;

/**
 * A trader as the staff list and its export show them: personal numbers by their last four only, and what the
 * trader holds in the markets of the list (open leases, whether one of those stalls has a current QR code).
 */
public record ListedTrader(UUID id, String fullName, CitizenId.Kind idKind, String idLast4, String phoneLast4,
                           boolean phoneVerified, String homeMarketCode, LocalDate onboardedOn, String stalls,
                           int stallCount, LocalDate leasedSince, boolean hasQr) {

    public String idMasked() {
        return Mask.lastFour(idLast4);
    }

    public String phoneMasked() {
        return Mask.lastFour(phoneLast4);
    }

    public boolean legacyId() {
        return idKind == CitizenId.Kind.CMND;
    }
}
