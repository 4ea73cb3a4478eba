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

    /** A run of days priced by one rate, or by none ({@code rate} null). */
    public record Span(FeeRate rate, LocalDate from, LocalDate to) {
    }

    /**
     * How a charge is priced over [first, last]: consecutive runs of days with the same rate, cut where a rate of that
     * charge starts or ends, so a rate that comes into force mid-month prices only its own days. Days no rate covers
     * are a span with a null rate. Usually one span.
     */
    public static List<Span> spans(List<FeeRate> rates, StallFacts stall, Charge charge, LocalDate first,
                                   LocalDate last) {
        java.util.TreeSet<LocalDate> cuts = new java.util.TreeSet<>();
        cuts.add(first);
        for (FeeRate r : rates) {
            if (r.charge() != charge) {
                continue;
            }
            if (r.effectiveFrom().isAfter(first) && !r.effectiveFrom().isAfter(last)) {
                cuts.add(r.effectiveFrom());
            }
            if (r.effectiveTo() != null && !r.effectiveTo().isBefore(first) && r.effectiveTo().isBefore(last)) {
                cuts.add(r.effectiveTo().plusDays(1));
            }
        }
        List<Span> spans = new java.util.ArrayList<>();
        List<LocalDate> starts = List.copyOf(cuts);
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i);
            LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : last;
            FeeRate rate = select(rates, stall, charge, from).orElse(null);
            Span previous = spans.isEmpty() ? null : spans.getLast();
            if (previous != null && java.util.Objects.equals(previous.rate(), rate)) {
                spans.set(spans.size() - 1, new Span(rate, previous.from(), to));
            } else {
                spans.add(new Span(rate, from, to));
            }
        }
        return spans;
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
