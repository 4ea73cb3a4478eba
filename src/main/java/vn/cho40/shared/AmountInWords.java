package vn.cho40.shared;

/**
 * Vietnamese words for a whole number of đồng, as invoices print and the payment speaker says them: groups of
 * three digits with nghìn / triệu / tỷ, every group after the first read in full ("không trăm", "linh"),
 * mười/mươi, mốt, tư and lăm where they belong. One function for invoices and voice, so the amount a trader
 * hears is the amount the receipt says.
 */
public final class AmountInWords {

    /** Regional choices, fixed per tenant so every document reads the same. */
    public record Style(String zeroTens, String thousand, String billion, String fourAfterTens) {
        /** Northern, as accounting usually writes: linh, nghìn, tỷ, tư. */
        public static final Style NORTHERN = new Style("linh", "nghìn", "tỷ", "tư");
        /** Southern: lẻ, ngàn, tỉ, bốn. */
        public static final Style SOUTHERN = new Style("lẻ", "ngàn", "tỉ", "bốn");
    }

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

    private AmountInWords() {
    }

    /** "Một trăm hai mươi lăm nghìn đồng": capitalised, ending in đồng, as on an invoice. */
    public static String invoice(long amountVnd, Style style) {
        String words = words(amountVnd, style) + " đồng";
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The words alone, lower case: "mười lăm nghìn". */
    public static String words(long amountVnd, Style style) {
        if (amountVnd == 0) {
            return "không";
        }
        if (amountVnd < 0) {
            return "âm " + words(-amountVnd, style);
        }
        String[] scales = {"", style.thousand(), "triệu"};
        // Billions: the count of tỷ is itself read as a number, so 10^12 reads "một nghìn tỷ".
        long billions = amountVnd / 1_000_000_000L;
        long rest = amountVnd % 1_000_000_000L;
        StringBuilder out = new StringBuilder();
        if (billions > 0) {
            out.append(words(billions, style)).append(' ').append(style.billion());
        }
        int[] groups = {(int) (rest / 1_000_000), (int) (rest / 1_000 % 1_000), (int) (rest % 1_000)};
        for (int g = 0; g < 3; g++) {
            if (groups[g] == 0) {
                continue;
            }
            boolean full = !out.isEmpty();
            if (full) {
                out.append(' ');
            }
            out.append(group(groups[g], full, style));
            String scale = scales[2 - g];
            if (!scale.isEmpty()) {
                out.append(' ').append(scale);
            }
        }
        return out.toString();
    }

    private static String group(int n, boolean full, Style style) {
        int h = n / 100;
        int t = n / 10 % 10;
        int u = n % 10;
        StringBuilder out = new StringBuilder();
        boolean saidHundreds = h > 0 || full;
        if (saidHundreds) {
            out.append(DIGITS[h]).append(" trăm");
        }
        if (t == 0) {
            if (u > 0) {
                if (saidHundreds) {
                    out.append(' ').append(style.zeroTens()).append(' ');
                }
                out.append(DIGITS[u]);
            }
        } else {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(t == 1 ? "mười" : DIGITS[t] + " mươi");
            if (u == 5) {
                out.append(" lăm");
            } else if (u == 1 && t >= 2) {
                out.append(" mốt");
            } else if (u == 4 && t >= 2) {
                out.append(' ').append(style.fourAfterTens());
            } else if (u > 0) {
                out.append(' ').append(DIGITS[u]);
            }
        }
        return out.toString();
    }

    /** {@code ./cho40 words AMOUNT}: a whole non-negative number of đồng, or a message saying what is wrong. */
    public static int cli(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        if (args.length != 1 || !args[0].matches("[0-9]{1,18}")) {
            err.println("Số tiền phải là số đồng nguyên không âm, chỉ gồm chữ số, vd. ./cho40 words 125000 "
                    + "(amount must be a whole non-negative number of đồng, digits only)");
            return 1;
        }
        out.println(invoice(Long.parseLong(args[0]), Style.NORTHERN));
        return 0;
    }
}
