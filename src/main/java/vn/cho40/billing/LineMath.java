package vn.cho40.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The arithmetic of a bill line, in integer đồng and thousandths of a unit. A lease that starts or ends inside the
 * period pays the period's price × the days it held the stall ÷ the days of the period, rounded half up once on the
 * line; a per-day price counts the days held. A price without VAT gets its VAT added on the line, rounded half up.
 */
public final class LineMath {

    private LineMath() {
    }

    /** Days of [from, to] (inclusive) that the lease [start, end] (end null: open) covers. */
    public static int daysHeld(LocalDate from, LocalDate to, LocalDate leaseStart, LocalDate leaseEnd) {
        LocalDate a = leaseStart.isAfter(from) ? leaseStart : from;
        LocalDate b = leaseEnd == null || leaseEnd.isAfter(to) ? to : leaseEnd;
        return b.isBefore(a) ? 0 : (int) ChronoUnit.DAYS.between(a, b) + 1;
    }

    public static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** m² in thousandths, as lines store quantities. */
    public static long milli(BigDecimal quantity) {
        return quantity.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The amount of a line before any VAT is added: unit price × quantity (thousandths) × days held ÷ days in the
     * period, rounded half up to the đồng. For a per-day unit pass daysHeld as both numerator and 1 as period.
     */
    public static long amount(long unitPriceVnd, long quantityMilli, int daysHeld, int daysInPeriod) {
        BigDecimal a = BigDecimal.valueOf(unitPriceVnd).multiply(BigDecimal.valueOf(quantityMilli))
                .multiply(BigDecimal.valueOf(daysHeld))
                .divide(BigDecimal.valueOf(1000L * daysInPeriod), 0, RoundingMode.HALF_UP);
        return a.longValueExact();
    }

    /** VAT on an amount before VAT, half up. */
    public static long vat(long amountVnd, int vatBp) {
        return BigDecimal.valueOf(amountVnd).multiply(BigDecimal.valueOf(vatBp))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
