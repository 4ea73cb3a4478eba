package vn.cho40.trader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A trader as screens see them: personal numbers only by their last four characters. */
public record Trader(UUID id, UUID marketId, String fullName, CitizenId.Kind idKind, String idLast4,
                     LocalDate birthDate, String phoneLast4, Instant phoneVerifiedAt, String taxCode,
                     Instant consentAt, String consentVersion) {

    /** A CMND (9 digits) is accepted but flagged: it has been replaced by the CCCD. */
    public boolean legacyId() {
        return idKind == CitizenId.Kind.CMND;
    }
}
