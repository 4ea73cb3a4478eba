package vn.cho40.rollout;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A unit's month (a province, a commune, a district or one market): its markets, those live, traders, with a code,
 * active, payments and their value; for the figures other modules answer, their sum and how many markets have one
 * (absent = not yet recorded). Built from market months by {@link #rollUp}, which is plain arithmetic.
 */
public record UnitMonth(Level level, String code, String name, YearMonth month, int markets, int marketsLive,
                        int traders, int tradersWithQr, int tradersActive, long paymentsCount, long paymentsValue,
                        Map<String, Long> figures, Map<String, Integer> marketsWith) {

    /** Traders with a code per hundred traders, or null when there are none. */
    public Double qrShare() {
        return share(tradersWithQr, traders);
    }

    /** Active traders per hundred traders with a code, or null when there are none. */
    public Double activeShare() {
        return share(tradersActive, tradersWithQr);
    }

    /** Fees paid by transfer per hundred đồng of fees paid, or null when not recorded or nothing was paid. */
    public Double feesCashlessShare() {
        Long cashless = figures.get(MarketFigures.FEES_CASHLESS_VND);
        Long total = figures.get(MarketFigures.FEES_TOTAL_VND);
        return cashless == null || total == null ? null : share(cashless, total);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** Market months grouped into units of a level, ordered by code; names from {@code names}. */
    static List<UnitMonth> rollUp(Level level, YearMonth month, List<MarketMonth> markets,
                                  Function<String, String> names) {
        Map<String, List<MarketMonth>> groups = new LinkedHashMap<>();
        for (MarketMonth m : markets) {
            groups.computeIfAbsent(level.codeOf(m), k -> new ArrayList<>()).add(m);
        }
        List<UnitMonth> units = new ArrayList<>();
        groups.forEach((code, list) -> units.add(of(level, code, level == Level.MARKET ? list.getFirst().marketName()
                : names.apply(code), month, list)));
        units.sort(Comparator.comparing(UnitMonth::code));
        return units;
    }

    static UnitMonth of(Level level, String code, String name, YearMonth month, List<MarketMonth> list) {
        int live = 0;
        int traders = 0;
        int withQr = 0;
        int active = 0;
        long count = 0;
        long value = 0;
        Map<String, Long> figures = new HashMap<>();
        Map<String, Integer> marketsWith = new HashMap<>();
        for (MarketMonth m : list) {
            live += m.live() ? 1 : 0;
            traders += m.traders();
            withQr += m.tradersWithQr();
            active += m.tradersActive();
            count += m.paymentsCount();
            value += m.paymentsValue();
            m.figures().forEach((k, v) -> {
                figures.merge(k, v, Long::sum);
                marketsWith.merge(k, v > 0 ? 1 : 0, Integer::sum);
            });
        }
        return new UnitMonth(level, code, name, month, list.size(), live, traders, withQr, active, count, value,
                Map.copyOf(figures), Map.copyOf(marketsWith));
    }
}
