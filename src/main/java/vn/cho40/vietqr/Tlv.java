package vn.cho40.vietqr;

import java.util.LinkedHashMap;
import java.util.Map;

/** EMVCo's ID-length-value fields: two-digit id, two-digit length, then that many characters. */
final class Tlv {

    /** Thrown inside the decoder only; it becomes an {@link Decoded.Invalid}. */
    static final class Malformed extends Exception {
        final Decoded.Reason reason;

        Malformed(Decoded.Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private Tlv() {
    }

    static void append(StringBuilder out, String id, String value) {
        if (value.length() > 99) {
            throw new VietQrException(id, "field " + id + " is longer than 99 characters");
        }
        out.append(id);
        if (value.length() < 10) {
            out.append('0');
        }
        out.append(value.length()).append(value);
    }

    static Map<String, String> parse(String s, String where) throws Malformed {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        // Each field takes at least 4 characters, so this loop ends within s.length() / 4 rounds.
        while (i < s.length()) {
            if (i + 4 > s.length()) {
                throw new Malformed(Decoded.Reason.TRUNCATED, where + ": field header cut off at position " + i);
            }
            String id = s.substring(i, i + 2);
            String len = s.substring(i + 2, i + 4);
            if (!isDigits(id) || !isDigits(len)) {
                throw new Malformed(Decoded.Reason.BAD_LENGTH, where + ": id/length '" + id + len
                        + "' at position " + i + " are not digits");
            }
            int end = i + 4 + Integer.parseInt(len);
            if (end > s.length()) {
                throw new Malformed(Decoded.Reason.TRUNCATED, where + ": field " + id + " declares " + len
                        + " characters, only " + (s.length() - i - 4) + " remain");
            }
            if (fields.put(id, s.substring(i + 4, end)) != null) {
                throw new Malformed(Decoded.Reason.DUPLICATE_TAG, where + ": field " + id + " appears twice");
            }
            i = end;
        }
        return fields;
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
