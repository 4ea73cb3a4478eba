package vn.cho40.billing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which rate prices a stall's charge on a day: of the rates in force that day whose scope admits the stall, the most
 * specific one. A market's own rate beats one for its market class, which beats a province-wide rate; then a rate
 * naming the stall's position class, its cover, its kind of seller beats one that leaves them open. Pure.
 */
public final class RateBook {

    private RateBook() {
    }

    public static Optional<FeeRate> select(List<FeeRate> rates, StallFacts stall, Charge charge, LocalDate on) {
        return rates.stream()
                .filter(r -> r.charge() == charge && r.inForceOn(on) && admits(r, stall))
                .max(Comparator.comparingInt(RateBook::specificity).thenComparing(FeeRate::effectiveFrom));
    }

    static boolean admits(FeeRate r, StallFacts s) {
        return r.provinceCode().equals(s.provinceCode())
                && (r.marketId() == null || r.marketId().equals(s.marketId()))
                && (r.marketClass() == null || r.marketClass() == s.marketClass())
                && (r.positionClass() == null || r.positionClass().equals(s.positionClass()))
                && (r.covered() == null || r.covered() == s.covered())
                && (r.seller() == null || r.seller().equals(s.seller()));
    }

    static int specificity(FeeRate r) {
        return (r.marketId() != null ? 16 : r.marketClass() != null ? 8 : 0) + (r.positionClass() != null ? 4 : 0)
                + (r.covered() != null ? 2 : 0) + (r.seller() != null ? 1 : 0);
    }
}
