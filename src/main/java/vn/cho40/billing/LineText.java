package vn.cho40.billing;

/**
 * What a bill line says under its name about VAT. A line stores its amount, not whether its rate included VAT, so
 * that is read back from the arithmetic: the amount is the price over the days (for one month or a quarter's three),
 * or that plus its VAT. Pure.
 */
public final class LineText {

    private LineText() {
    }

    /** "ADDED" (VAT on top of the price), "INCLUDED" (in the price), or null (no VAT, or it cannot be told). */
    public static String vatNote(long unitPriceVnd, long quantityMilli, Integer daysBilled, Integer daysInPeriod,
                                 Integer vatBp, long amountVnd) {
        if (vatBp == null || vatBp == 0 || daysBilled == null || daysInPeriod == null || daysInPeriod == 0) {
            return null;
        }
        for (int months : new int[] {1, 3}) {
            long base = LineMath.amount(unitPriceVnd * months, quantityMilli, daysBilled, daysInPeriod);
            if (amountVnd == base + LineMath.vat(base, vatBp)) {
                return "ADDED";
            }
            if (amountVnd == base) {
                return "INCLUDED";
            }
        }
        return null;
    }
}
