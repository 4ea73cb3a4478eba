package vn.cho40.market;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.cho40.shared.Presence;

/**
 * What the stall list is narrowed to, as its form sends it: the same for the page, its page links and its XLSX
 * export. {@code trader}: an open lease or none; {@code qr}: a current (static, not revoked) code or none.
 */
record StallFilter(String q, String zone, GoodsCategory category, Optional<Presence> trader,
                   Optional<Presence> qr) {

    static final int MAX_QUERY_CHARS = 100;

    static final StallFilter NONE = new StallFilter("", "", null, Optional.empty(), Optional.empty());

    StallFilter {
        q = q == null ? "" : q.strip();
        q = q.length() > MAX_QUERY_CHARS ? q.substring(0, MAX_QUERY_CHARS) : q;
        zone = zone == null ? "" : zone.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** From request parameters; an unknown category or presence is ignored rather than refused (old links). */
    static StallFilter from(Map<String, String> params) {
        String category = params.getOrDefault("category", "");
        return new StallFilter(params.get("q"), params.get("zone"),
                Arrays.stream(GoodsCategory.values()).filter(c -> c.name().equals(category)).findFirst().orElse(null),
                Presence.parse(params.get("trader")), Presence.parse(params.get("qr")));
    }

    /** The filters as query parameters, for page links and the export link. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("zone", zone);
        params.put("category", category == null ? "" : category.name());
        params.put("trader", trader.map(Presence::param).orElse(""));
        params.put("qr", qr.map(Presence::param).orElse(""));
        return params;
    }

    boolean any() {
        return !q.isEmpty() || !zone.isEmpty() || category != null || trader.isPresent() || qr.isPresent();
    }
}
