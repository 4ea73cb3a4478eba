package vn.cho40.privacy;

/** How personal values look on screens for people who need not see them in full. */
public final class Mask {

    private Mask() {
    }

    /** "•••• 1234": the last four characters, enough to tell two people apart at a counter. */
    public static String lastFour(String last4) {
        return last4 == null || last4.isEmpty() ? "" : "•••• " + last4;
    }

    public static String last4Of(String value) {
        return value.length() <= 4 ? value : value.substring(value.length() - 4);
    }

    /** "NGUYEN THI N***": the given name shortened, as VietQR verification pages show a holder. */
    public static String holderName(String upperName) {
        if (upperName == null || upperName.isBlank()) {
            return "";
        }
        int lastSpace = upperName.lastIndexOf(' ');
        String given = upperName.substring(lastSpace + 1);
        return upperName.substring(0, lastSpace + 1) + given.charAt(0) + "***";
    }

    private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\d{6,}");

    /** Free text (a transfer message) with every run of six or more digits shown as "••••1234". */
    public static String numbersIn(String text) {
        if (text == null) {
            return "";
        }
        return LONG_NUMBER.matcher(text).replaceAll(m -> "••••" + last4Of(m.group()));
    }
}
