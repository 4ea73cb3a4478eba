package vn.cho40.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one spelling of a staff username, used for creating, looking up and counting failed logins alike:
 * NFC, without leading or trailing whitespace of any kind (a trailing space in Basic auth, U+3000 from a
 * Vietnamese or CJK keyboard in the form, no-break and zero-width spaces), lower case.
 */
final class StaffUsernames {

    private StaffUsernames() {
    }

    static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFC);
        int start = 0;
        int end = s.length();
        while (start < end && invisible(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && invisible(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean invisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT;
    }
}
