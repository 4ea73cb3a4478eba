package vn.cho40.trader;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.cho40.shared.Presence;

/**
 * What the trader list is narrowed to, as its form sends it: the same for the page, its page links and its XLSX
 * export. {@code market}: one market of the user's scope (blank: all of them); {@code lease}: an open lease there
 * or none; {@code qr}: a current code on such a stall paying into one of the trader's accounts, or none.
 */
record TraderFilter(String q, String market, Optional<Presence> lease, Optional<Presence> qr) {

    static final int MAX_QUERY_CHARS = 100;

    TraderFilter {
        q = q == null ? "" : q.strip();
        q = q.length() > MAX_QUERY_CHARS ? q.substring(0, MAX_QUERY_CHARS) : q;
        market = market == null ? "" : market.strip().toUpperCase(Locale.ROOT);
    }

    static TraderFilter from(Map<String, String> params) {
        return new TraderFilter(params.get("q"), params.get("market"), Presence.parse(params.get("lease")),
                Presence.parse(params.get("qr")));
    }

    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("market", market);
        params.put("lease", lease.map(Presence::param).orElse(""));
        params.put("qr", qr.map(Presence::param).orElse(""));
        return params;
    }

    boolean any() {
        return !q.isEmpty() || !market.isEmpty() || lease.isPresent() || qr.isPresent();
    }
}
