package vn.cho40.shared;

import java.util.Objects;

/** An amount in whole Vietnamese đồng. VND has no minor unit, so a long is exact; never a double. */
public record Money(long vnd) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money vnd(long amount) {
        return new Money(amount);
    }

    /**
     * What a person types for an amount: "50000", "50.000", "50,000", "50.000 đ" or "50k" (thousands).
     * Empty when it is not a whole number of đồng.
     */
    public static java.util.Optional<Money> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String s = text.replace('\u00a0', ' ').strip().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\s*(vnd|đồng|đ|₫)$", "").strip();
        long factor = 1;
        if (s.endsWith("k") || s.endsWith("nghìn") || s.endsWith("ngàn")) {
            factor = 1000;
            s = s.replaceAll("(k|nghìn|ngàn)$", "").strip();
        }
        if (!s.matches("[0-9]{1,3}([.,][0-9]{3})*|[0-9]{1,15}")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Money(Math.multiplyExact(Long.parseLong(s.replaceAll("[.,]", "")),
                    factor)));
        } catch (ArithmeticException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * {@code a + b}, held at the long's range instead of wrapping around: for totals of stored amounts, which a
     * page must show whatever rows an older version let in (each transfer is now below a ceiling, so real totals
     * stay far inside the range).
     */
    public static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(vnd, Objects.requireNonNull(other).vnd));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(vnd, Objects.requireNonNull(other).vnd));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(vnd, factor));
    }

    public boolean isNegative() {
        return vnd < 0;
    }

    /**
     * "50.000 ₫": dot as thousands separator, the đồng sign after a space, as Vietnamese receipts print it. The space
     * is a no-break space (U+00A0): on a narrow phone the "₫" never wraps onto a line of its own.
     */
    public String format() {
        return VnFormats.groupThousands(vnd) + "\u00a0₫";
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(vnd, other.vnd);
    }

    @Override
    public String toString() {
        return format();
    }
}
