package vn.cho40.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Folds Vietnamese text for search: lower case, no diacritics, only letters, digits and single spaces.
 * Đ/đ has no Unicode decomposition, so it is mapped to d explicitly; without that "cho du" would not
 * find "Chợ Đu".
 */
public final class SearchText {

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'Đ' || c == 'đ' || c == 'Ð') {
                c = 'd';
            }
            c = Character.toLowerCase(c);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingSpace && !folded.isEmpty()) {
                    folded.append(' ');
                }
                pendingSpace = false;
                folded.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return folded.toString();
    }

    /** The folded words of a query, at most {@code maxWords} of them (a bound on the SQL built from them). */
    public static List<String> words(String query, int maxWords) {
        String folded = fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split(" ")).limit(maxWords).toList();
    }

    /** NFC form, trimmed, inner whitespace collapsed: how every name is stored. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    public static String upperAscii(String text) {
        return fold(text).toUpperCase(Locale.ROOT);
    }
}
