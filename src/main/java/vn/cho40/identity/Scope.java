package vn.cho40.identity;

import java.util.List;
import java.util.Set;

/**
 * The part of the country a user acts in: everything, a province, a 2025 commune, one market, or (for a
 * trader) the markets where they hold stalls. Anything outside it is treated as not existing.
 */
public record Scope(Kind kind, String code, Set<String> marketCodes) implements java.io.Serializable {

    public enum Kind { NATIONAL, PROVINCE, COMMUNE, MARKET, TRADER }

    public Scope {
        marketCodes = marketCodes == null ? Set.of() : Set.copyOf(marketCodes);
    }

    public static Scope national() {
        return new Scope(Kind.NATIONAL, null, null);
    }

    public static Scope of(Kind kind, String code) {
        return new Scope(kind, code, null);
    }

    public static Scope trader(Set<String> marketCodes) {
        return new Scope(Kind.TRADER, null, marketCodes);
    }

    public boolean covers(MarketPlace place) {
        return switch (kind) {
            case NATIONAL -> true;
            case PROVINCE -> code.equals(place.provinceCode());
            case COMMUNE -> code.equals(place.communeCode());
            case MARKET -> code.equals(place.marketCode());
            case TRADER -> marketCodes.contains(place.marketCode());
        };
    }

    /**
     * A SQL condition restricting rows of a query that has a market aliased {@code m}, with its parameters,
     * so lists are filtered in the database and never loaded whole.
     */
    public SqlFilter sql() {
        return switch (kind) {
            case NATIONAL -> new SqlFilter("true", List.of());
            case PROVINCE -> new SqlFilter("m.province_code = ?", List.of(code));
            case COMMUNE -> new SqlFilter("m.commune_code = ?", List.of(code));
            case MARKET -> new SqlFilter("m.code = ?", List.of(code));
            case TRADER -> marketCodes.isEmpty() ? new SqlFilter("false", List.of())
                    : new SqlFilter("m.code = ANY (?)", List.of(marketCodes.toArray(String[]::new)));
        };
    }

    public record SqlFilter(String condition, List<Object> params) implements java.io.Serializable {
    }
}
