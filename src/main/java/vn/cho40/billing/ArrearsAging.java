package vn.cho40.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How late an unpaid bill is, in the buckets boards report: not due, 1–30, 31–60, 61–90, more than 90 days. Pure. */
public enum ArrearsAging {
    NOT_DUE, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90;

    public static ArrearsAging of(LocalDate dueOn, LocalDate today) {
        long late = ChronoUnit.DAYS.between(dueOn, today);
        if (late <= 0) {
            return NOT_DUE;
        }
        return late <= 30 ? DAYS_1_30 : late <= 60 ? DAYS_31_60 : late <= 90 ? DAYS_61_90 : OVER_90;
    }
}
