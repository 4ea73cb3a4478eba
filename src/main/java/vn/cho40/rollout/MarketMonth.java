package vn.cho40.rollout;

import java.util.Map;
import java.util.UUID;

/**
 * One market's month as the indicators see it: whether it ran Chợ 4.0 at the end of the month, traders with an
 * active lease, those whose stall had a valid code, those with at least the active threshold of credited payments,
 * the payments and their value, and the figures other modules answer ({@link MarketFigures}; an absent key means
 * not yet recorded).
 */
public record MarketMonth(UUID marketId, String marketCode, String marketName, String provinceCode,
                          String communeCode, String districtCode, boolean live, int traders, int tradersWithQr,
                          int tradersActive, long paymentsCount, long paymentsValue, Map<String, Long> figures) {

    public MarketMonth {
        figures = Map.copyOf(figures);
    }

    MarketMonth withFigures(Map<String, Long> more) {
        return new MarketMonth(marketId, marketCode, marketName, provinceCode, communeCode, districtCode, live, traders,
                tradersWithQr, tradersActive, paymentsCount, paymentsValue, more);
    }
}
