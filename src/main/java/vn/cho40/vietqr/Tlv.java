package vn.cho40.vietqr;


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

    /**
     * The fields of one level, as offsets into the source: no map and no substring until a field is asked
     * for, which keeps decoding at about a microsecond.
     */
    static final class Fields {
        private final String source;
        private final int[] start = new int[100];
        private final int[] end = new int[100];

        Fields(String source) {
            this.source = source;
            java.util.Arrays.fill(start, -1);
        }

        String get(String id) {
            int i = (id.charAt(0) - '0') * 10 + (id.charAt(1) - '0');
            return start[i] < 0 ? null : source.substring(start[i], end[i]);
        }

        boolean has(String id) {
            return start[(id.charAt(0) - '0') * 10 + (id.charAt(1) - '0')] >= 0;
        }
    }

    static Fields parse(String s, String where) throws Malformed {
        Fields fields = new Fields(s);
        int i = 0;
        // Each field takes at least 4 characters, so this loop ends within s.length() / 4 rounds.
        while (i < s.length()) {
            if (i + 4 > s.length()) {
                throw new Malformed(Decoded.Reason.TRUNCATED, where + ": field header cut off at position " + i);
            }
            int id = twoDigits(s, i);
            int len = twoDigits(s, i + 2);
            if (id < 0 || len < 0) {
                throw new Malformed(Decoded.Reason.BAD_LENGTH, where + ": id/length '" + s.substring(i, i + 4)
                        + "' at position " + i + " are not digits");
            }
            int end = i + 4 + len;
            if (end > s.length()) {
                throw new Malformed(Decoded.Reason.TRUNCATED, where + ": field " + s.substring(i, i + 2)
                        + " declares " + len + " characters, only " + (s.length() - i - 4) + " remain");
            }
            if (fields.start[id] >= 0) {
                throw new Malformed(Decoded.Reason.DUPLICATE_TAG, where + ": field " + s.substring(i, i + 2)
                        + " appears twice");
            }
            fields.start[id] = i + 4;
            fields.end[id] = end;
            i = end;
        }
        return fields;
    }

    private static int twoDigits(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
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
