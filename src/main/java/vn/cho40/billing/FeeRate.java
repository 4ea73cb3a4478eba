package vn.cho40.billing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A price in the rate book. Scope: every market of a province ({@code marketId} null; optionally one market class)
 * or one market; narrowed, where set, to a stall position class, covered or uncovered space, fixed or non-fixed
 * sellers. Unit: M2_MONTH, M2_DAY, STALL_MONTH, SESSION, KWH, M3. {@code vatBp} in basis points (800 = 8 %), null
 * when the charge bears none; {@code vatIncluded} says whether the price already contains it.
 */
public record FeeRate(UUID id, String provinceCode, UUID marketId, Integer marketClass, Charge charge,
                      String positionClass, Boolean covered, String seller, String unit, long priceVnd,
                      boolean vatIncluded, Integer vatBp, String label, String legalBasis, LocalDate legalBasisDate,
                      String legalIssuer, LocalDate effectiveFrom, LocalDate effectiveTo) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** Whether two rates claim the same stalls for the same charge on some common day. */
    public boolean overlaps(FeeRate other) {
        return provinceCode.equals(other.provinceCode) && java.util.Objects.equals(marketId, other.marketId)
                && java.util.Objects.equals(marketClass, other.marketClass) && charge == other.charge
                && java.util.Objects.equals(positionClass, other.positionClass)
                && java.util.Objects.equals(covered, other.covered) && java.util.Objects.equals(seller, other.seller)
                && !(effectiveTo != null && effectiveTo.isBefore(other.effectiveFrom))
                && !(other.effectiveTo != null && other.effectiveTo.isBefore(effectiveFrom));
    }
}
