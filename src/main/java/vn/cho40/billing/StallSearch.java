package vn.cho40.billing;

import java.util.List;
import vn.cho40.shared.SearchText;

/**
 * The search box of the board's long lists (bills, stall facts, arrears): every word typed must begin the stall's
 * code ("a 01" or "a01" finds A-01) or a word of the name of the trader holding it ("lan" finds Nguyễn Thị Lan),
 * diacritics ignored. Names are compared by the trader's folded {@code name_key}.
 */
final class StallSearch {

    /** A bound on the SQL a query builds: two LIKEs a word. */
    static final int MAX_WORDS = 6;

    private StallSearch() {
    }

    /**
     * {@code AND (...)} for each word, over stall alias {@code s} and the SQL expression of the folded trader name;
     * the words' patterns are appended to {@code params} in order. Empty when the query has no word.
     */
    static String where(String query, String traderNameKey, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (String word : SearchText.words(query, MAX_WORDS)) {
            sql.append(" AND ((' ' || lower(regexp_replace(s.code, '[^A-Za-z0-9]+', ' ', 'g'))) LIKE ?")
                    .append(" OR lower(regexp_replace(s.code, '[^A-Za-z0-9]+', '', 'g')) LIKE ?")
                    .append(" OR (' ' || coalesce(").append(traderNameKey).append(", '')) LIKE ?)");
            params.add("% " + word + "%");
            params.add(word + "%");
            params.add("% " + word + "%");
        }
        return sql.toString();
    }

    /** The same test in memory, for a list whose figures need every row first (arrears by stall). */
    static boolean matches(String query, String stallCode, String traderName) {
        String code = " " + SearchText.fold(stallCode);
        String compact = SearchText.fold(stallCode).replace(" ", "");
        String name = " " + SearchText.fold(traderName);
        return SearchText.words(query, MAX_WORDS).stream()
                .allMatch(w -> code.contains(" " + w) || compact.startsWith(w) || name.contains(" " + w));
    }
}
