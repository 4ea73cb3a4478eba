package vn.cho40.shared;

import java.util.Objects;

/** An amount in whole Vietnamese đồng. VND has no minor unit, so a long is exact; never a double. */
public record Money(long vnd) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money vnd(long amount) {
        return new Money(amount);
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

    /** "50.000 ₫": dot as thousands separator, the đồng sign after a space, as Vietnamese receipts print it. */
    public String format() {
        return VnFormats.groupThousands(vnd) + " ₫";
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
