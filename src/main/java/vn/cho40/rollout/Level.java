package vn.cho40.rollout;

/**
 * The levels figures roll up to: the 2025 units (province → commune → market) and the pre-2025 ones (province →
 * district → market), because 2022–2024 plans and reports speak of districts.
 */
public enum Level {
    PROVINCE, COMMUNE, DISTRICT, MARKET;

    static Level parse(String text) {
        for (Level l : values()) {
            if (l.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException(text);
    }

    String codeOf(MarketMonth m) {
        return switch (this) {
            case PROVINCE -> m.provinceCode();
            case COMMUNE -> m.communeCode();
            case DISTRICT -> m.districtCode() == null ? "" : m.districtCode();
            case MARKET -> m.marketCode();
        };
    }
}
