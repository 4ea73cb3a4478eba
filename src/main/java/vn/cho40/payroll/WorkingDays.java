package vn.cho40.payroll;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Working days for proration, one rule for every board: Monday to Friday count, Saturday and Sunday do not (the
 * public-sector week; a public holiday on a weekday is a paid day, so it counts as worked). A person who starts or
 * leaves within the month is paid {@code monthly × days worked / working days of the month}, days worked being the
 * month's working days between the start and end dates inclusive.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static int inMonth(YearMonth month) {
        return between(month.atDay(1), month.atEndOfMonth());
    }

    /** The working days of {@code month} on which someone employed from {@code start} to {@code end} (null: open) worked. */
    public static int worked(YearMonth month, LocalDate start, LocalDate end) {
        LocalDate from = start.isAfter(month.atDay(1)) ? start : month.atDay(1);
        LocalDate to = end == null || end.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : end;
        return from.isAfter(to) ? 0 : between(from, to);
    }

    private static int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }
}
