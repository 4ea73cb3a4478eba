package vn.cho40.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A traditional market as stored. Names are NFC; codes upper-case ASCII. */
public record Market(
        UUID id,
        String code,
        String name,
        String provinceCode,
        String communeCode,
        String pre2025DistrictCode,
        String pre2025CommuneCode,
        String address,
        int marketClass,
        OperatorType operatorType,
        String operatorName,
        String collectionBankBin,
        String collectionAccountNo,
        String collectionAccountName,
        MarketStatus status,
        LocalDate plannedOn,
        LocalDate onboardingOn,
        LocalDate liveOn,
        boolean freeWifi,
        Instant createdAt,
        Instant updatedAt) {
}
