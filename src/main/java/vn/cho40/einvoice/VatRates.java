package vn.cho40.einvoice;

/**
 * VAT rates as the invoice XML writes them ({@code TSuat}): a percentage ({@code 0%}, {@code 5%}, {@code 8%},
 * {@code 10%}, or {@code KHAC:x%}), {@code KCT} (not subject to VAT) or {@code KKKNT} (not declared). Which rate
 * applies to what on which day is law and lives in the rate book's dated data, not here.
 */
public final class VatRates {

    private VatRates() {
    }

    /** The rate in basis points (800 for 8 %), 0 for KCT and KKKNT, or -1 when the text is not a rate. */
    public static int basisPoints(String rate) {
        if (rate == null) {
            return -1;
        }
        if (rate.equals("KCT") || rate.equals("KKKNT")) {
            return 0;
        }
        String r = rate.startsWith("KHAC:") ? rate.substring(5) : rate;
        if (!r.matches("[0-9]{1,2}(\\.[0-9]{1,2})?%")) {
            return -1;
        }
        String number = r.substring(0, r.length() - 1);
        int dot = number.indexOf('.');
        int whole = Integer.parseInt(dot < 0 ? number : number.substring(0, dot));
        String frac = dot < 0 ? "" : (number.substring(dot + 1) + "0").substring(0, 2);
        return whole * 100 + (frac.isEmpty() ? 0 : Integer.parseInt(frac));
    }

    /** VAT on an amount before VAT, rounded half up to the đồng. */
    public static long vat(long amountVnd, String rate) {
        long bp = basisPoints(rate);
        return Math.floorDiv(amountVnd * bp * 2 + 10_000, 20_000);
    }

    /** The amount before VAT inside a price that includes it (prices set "VAT included"), rounded half up. */
    public static long beforeVat(long grossVnd, String rate) {
        long bp = basisPoints(rate);
        return Math.floorDiv(grossVnd * 10_000 * 2 + (10_000 + bp), (10_000 + bp) * 2);
    }
}
