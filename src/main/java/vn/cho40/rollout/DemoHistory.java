package vn.cho40.rollout;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's history of a live market, month by month, shaped by the seeds' figures: when each trader's code went
 * up, and how many payments and đồng each trader received in each month. Deterministic (seeded by the market code)
 * and free of Spring and SQL, so a test can hold it to the seeds: Đại Từ in August 2022 has 304 of its 380 traders
 * with a code (80 %), 200 of them active, 2,900 payments worth 3.3 billion đồng.
 */
final class DemoHistory {

    /** When a trader's code was put up, by the trader's place in the market's adoption order. */
    static LocalDate qrDate(String marketCode, LocalDate liveOn, int rank, int traders) {
        double u = (rank + 0.5) / traders;
        if (marketCode.equals("TN-DAITU")) {
            // Half in the first month after the launch of 28/04/2022, 80 % by 20/08/2022, the rest over 2023–2024.
            if (u <= 0.5) {
                return liveOn.plusDays((long) (u / 0.5 * 30));
            }
            if (u <= 0.8) {
                return LocalDate.of(2022, 6, 1).plusDays((long) ((u - 0.5) / 0.3 * 80));
            }
            return LocalDate.of(2022, 9, 1).plusDays((long) ((u - 0.8) / 0.2 * 800));
        }
        if (u <= 0.6) {
            return liveOn.minusDays(20).plusDays((long) (u / 0.6 * 60));
        }
        if (u <= 0.9) {
            return liveOn.plusDays(40).plusDays((long) ((u - 0.6) / 0.3 * 330));
        }
        return liveOn.plusDays(370).plusDays((long) ((u - 0.9) / 0.1 * 540));
    }

    /** A month of a market: how many of the traders with a code were active, their payments and value. */
    record Month(int active, long payments, long valueVnd) {
    }

    /**
     * The month's totals for a market with {@code withQr} traders holding a code, {@code monthsLive} months after its
     * launch. Đại Từ's August 2022 is the seeds' figures exactly; other months grow from it.
     */
    static Month month(String marketCode, YearMonth month, int withQr, int monthsLive) {
        return month(marketCode, month, withQr, monthsLive, 1.0);
    }

    /** The same for a part of the month ({@code share} of it: the running month up to today). */
    static Month month(String marketCode, YearMonth month, int withQr, int monthsLive, double share) {
        if (marketCode.equals("TN-DAITU") && month.equals(YearMonth.of(2022, 8))) {
            return new Month(200, 2_900, 3_300_000_000L);
        }
        double activeShare = Math.min(0.88, 0.45 + 0.05 * monthsLive);
        int active = (int) Math.round(withQr * activeShare);
        // Payments per active trader grow as customers get used to paying by QR; the average payment falls as small
        // everyday purchases move to QR too.
        double perTrader = Math.min(32, 9 + 1.1 * monthsLive);
        active = (int) Math.round(active * Math.min(1.0, 0.3 + share));
        long payments = Math.round(active * perTrader * share);
        if (payments < active) {
            active = (int) payments;
        }
        long average = Math.max(320_000, 1_140_000 - 18_000L * monthsLive);
        long value = payments * average / 1000 * 1000;
        return new Month(active, payments, value);
    }

    /** One trader's share of a month: how many payments and đồng. */
    record Share(int trader, long payments, long valueVnd) {
    }

    /**
     * Splits a month's payments and value over its first {@code m.active()} traders (of those with a code, in a
     * shuffled order): every active trader at least one payment, the totals exact.
     */
    static List<Share> split(String marketCode, YearMonth month, Month m, int withQr) {
        List<Share> shares = new ArrayList<>(m.active());
        if (m.active() == 0 || withQr == 0) {
            return shares;
        }
        int active = Math.min(m.active(), withQr);
        SplittableRandom dice = new SplittableRandom(marketCode.hashCode() * 31L + month.hashCode());
        long[] weights = new long[active];
        long total = 0;
        for (int i = 0; i < active; i++) {
            weights[i] = 1 + dice.nextInt(20) + (i % 7 == 0 ? 25 : 0); // a few busy stalls
            total += weights[i];
        }
        long extra = Math.max(0, m.payments() - active);
        long paymentsLeft = m.payments();
        long valueLeft = m.valueVnd();
        int[] order = shuffled(withQr, dice);
        for (int i = 0; i < active; i++) {
            boolean last = i == active - 1;
            long n = last ? paymentsLeft : Math.min(paymentsLeft - (active - 1 - i), 1 + extra * weights[i] / total);
            long v = last ? valueLeft : m.valueVnd() * n / Math.max(1, m.payments()) / 1000 * 1000;
            paymentsLeft -= n;
            valueLeft -= v;
            shares.add(new Share(order[i], n, v));
        }
        return shares;
    }

    private static int[] shuffled(int n, SplittableRandom dice) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = dice.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private DemoHistory() {
    }
}
