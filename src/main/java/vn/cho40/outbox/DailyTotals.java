package vn.cho40.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.cho40.shared.Money;
import vn.cho40.shared.VnFormats;

/**
 * Sums amounts per market and day (Vietnam time) within one transaction: a matcher batch of a thousand payments
 * becomes one fact per market and day it touched. Pure; not thread-safe (one per transaction).
 */
public final class DailyTotals {

    private record Key(UUID marketId, LocalDate day) {
    }

    private final Map<Key, long[]> sums = new LinkedHashMap<>();

    /** One payment in (a negative amount with {@code count} -1 takes one back). */
    public DailyTotals add(UUID marketId, Instant at, long count, long amountVnd) {
        long[] s = sums.computeIfAbsent(new Key(marketId, at.atZone(VnFormats.VIETNAM).toLocalDate()), k -> new long[2]);
        s[0] += count;
        s[1] += amountVnd;
        return this;
    }

    public boolean isEmpty() {
        return sums.isEmpty();
    }

    public List<Fact> payments() {
        List<Fact> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> addIfAny(out, v, new Fact.Payments(k.marketId(), k.day(), v[0], Money.vnd(v[1]))));
        return out;
    }

    /** A payment and its reversal in one transaction leave nothing to publish. */
    private static void addIfAny(List<Fact> out, long[] sum, Fact fact) {
        if (sum[0] != 0 || sum[1] != 0) {
            out.add(fact);
        }
    }

    public List<Fact> billPayments() {
        List<Fact> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> addIfAny(out, v, new Fact.BillPayments(k.marketId(), k.day(), v[0], Money.vnd(v[1]))));
        return out;
    }
}
