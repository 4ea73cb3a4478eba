package vn.cho40.einvoice;

/**
 * Vietnamese tax identification numbers as they appear on invoices: an organisation's 10 digits whose last is a
 * check digit, optionally followed by a dependent unit's {@code -NNN}; or, since 1 July 2025, a person's 12-digit
 * citizen ID number used as the tax code (Circular 86/2024/TT-BTC), which carries no check digit of this kind.
 */
public final class TaxCode {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private TaxCode() {
    }

    /** Why the code is not a tax code (a message key of the einvoice bundle), or null when it is one. */
    public static String problem(String code) {
        if (code == null || code.isBlank()) {
            return "einvoice.taxCode.missing";
        }
        String c = code.strip();
        if (c.matches("[0-9]{12}")) {
            return null;
        }
        if (!c.matches("[0-9]{10}(-[0-9]{3})?")) {
            return "einvoice.taxCode.format";
        }
        return checkDigit(c.substring(0, 9)) == c.charAt(9) - '0' ? null : "einvoice.taxCode.checkDigit";
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** A tax code made of nine digits and their check digit, or empty when no such code can be issued (a 10). */
    public static java.util.Optional<String> withCheckDigit(String nine) {
        int d = checkDigit(nine);
        return d > 9 ? java.util.Optional.empty() : java.util.Optional.of(nine + d);
    }

    /** The tenth digit of the nine before it: 10 minus the weighted sum modulo 11 (a result of 10 is never issued). */
    static int checkDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * WEIGHTS[i];
        }
        return 10 - sum % 11;
    }
}
