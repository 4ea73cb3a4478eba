package vn.cho40.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one billing run covers: a month (the default), a quarter (where a board bills so: monthly prices × 3), or
 * one day of tickets for non-fixed sellers (their per-session and per-m²-per-day charges). Pure.
 */
public record BillingPeriod(Kind kind, LocalDate first, LocalDate last) {

    public enum Kind { MONTH, QUARTER, DAY }

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

    public static BillingPeriod month(YearMonth m) {
        return new BillingPeriod(Kind.MONTH, m.atDay(1), m.atEndOfMonth());
    }

    public static BillingPeriod quarter(int year, int q) {
        YearMonth start = YearMonth.of(year, 3 * (q - 1) + 1);
        return new BillingPeriod(Kind.QUARTER, start.atDay(1), start.plusMonths(2).atEndOfMonth());
    }

    public static BillingPeriod day(LocalDate d) {
        return new BillingPeriod(Kind.DAY, d, d);
    }

    /**
     * The period a bill's dates cover: one day is a day's tickets, the three months of a calendar quarter a quarter,
     * anything else (a month, or a credit note's copy of one) a month.
     */
    public static BillingPeriod of(LocalDate start, LocalDate end) {
        if (start.equals(end)) {
            return day(start);
        }
        boolean quarter = start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0
                && end.equals(YearMonth.from(start).plusMonths(2).atEndOfMonth());
        return quarter ? quarter(start.getYear(), (start.getMonthValue() - 1) / 3 + 1) : month(YearMonth.from(start));
    }

    /** When a run for this period is made, seen from {@code today}: the usual time, or one to confirm first. */
    public enum Timing { USUAL, PAST, RUNNING, FUTURE }

    /**
     * A board bills the period just ended (last month, last quarter, today's or yesterday's tickets). One that ended
     * before that, or has not begun, is usually a slip of the keyboard; a month or quarter still running is billed
     * before its meters are read and its leases settled. The page asks before issuing any of those.
     */
    public Timing timing(LocalDate today) {
        if (first.isAfter(today)) {
            return Timing.FUTURE;
        }
        if (kind != Kind.DAY && !last.isBefore(today)) {
            return Timing.RUNNING;
        }
        LocalDate previousStarts = switch (kind) {
            case MONTH -> YearMonth.from(today).minusMonths(1).atDay(1);
            case QUARTER -> YearMonth.of(today.getYear(), 3 * ((today.getMonthValue() - 1) / 3) + 1).minusMonths(3).atDay(1);
            case DAY -> today.minusDays(1);
        };
        return last.isBefore(previousStarts) ? Timing.PAST : Timing.USUAL;
    }

    /** "2026-11" (a month), "2026-Q4" (a quarter) or "2026-11-15" / "15/11/2026" (a day of tickets). */
    public static Optional<BillingPeriod> parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher q = QUARTER.matcher(t);
        if (q.matches()) {
            return Optional.of(quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2))));
        }
        try {
            return Optional.of(month(YearMonth.parse(t)));
        } catch (java.time.format.DateTimeParseException notAMonth) {
            return vn.cho40.shared.VnFormats.parseDate(t).map(BillingPeriod::day);
        }
    }

    /** Months of monthly prices the period bills: 1, 3, or 0 for a day (which bills per-day prices only). */
    public int months() {
        return switch (kind) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case DAY -> 0;
        };
    }

    /** As people read it: "11/2026", "quý 4/2026", "15/11/2026". */
    public String label() {
        return switch (kind) {
            case MONTH -> first.getMonthValue() + "/" + first.getYear();
            case QUARTER -> "quý " + ((first.getMonthValue() - 1) / 3 + 1) + "/" + first.getYear();
            case DAY -> vn.cho40.shared.VnFormats.date(first);
        };
    }

    /** The number without its word ("11/2026", "4/2026" for a quarter, "15/11/2026"), for the localized "Quý {0}". */
    public String shortLabel() {
        return switch (kind) {
            case MONTH -> first.getMonthValue() + "/" + first.getYear();
            case QUARTER -> ((first.getMonthValue() - 1) / 3 + 1) + "/" + first.getYear();
            case DAY -> vn.cho40.shared.VnFormats.date(first);
        };
    }

    /** As the API and forms write it. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> YearMonth.from(first).toString();
            case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
            case DAY -> first.toString();
        };
    }
}
