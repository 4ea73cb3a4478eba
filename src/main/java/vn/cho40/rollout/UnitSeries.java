package vn.cho40.rollout;

import java.time.YearMonth;
import java.util.Map;

/**
 * Port: monthly counts another module keeps per 2025 unit rather than per market (the community technology teams'
 * help, the traders they onboarded and how many became active), drawn on the rollout dashboard's charts next to the
 * markets' figures. Teams work in villages as well as markets, so these are read by unit, never summed from markets.
 */
public interface UnitSeries {

    /**
     * Each series this module keeps (by name, such as {@code teams.helped}), its value per month from..to, for the
     * whole country (both codes null), a province, or a 2025 commune of it; months without any are absent.
     */
    Map<String, Map<YearMonth, Long>> monthly(String provinceCode, String communeCode, YearMonth from, YearMonth to);
}
