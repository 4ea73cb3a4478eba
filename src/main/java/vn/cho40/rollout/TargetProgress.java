package vn.cho40.rollout;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where a target stands: met, on track, behind, or missed once its deadline has passed; and, from the pace since
 * the plan was issued, the day it will be met. Plain arithmetic on two readings: the value when the plan was issued
 * and the value now.
 */
public record TargetProgress(Status status, double value, LocalDate projectedOn) {

    public enum Status { MET, ON_TRACK, BEHIND, MISSED, NOT_RECORDED }

    /**
     * @param target      the target value (a count, or a percentage)
     * @param deadline    its deadline
     * @param planDate    the day the plan was issued, when progress is measured from
     * @param startValue  the indicator's value that day
     * @param today       the day of the reading
     * @param value       the indicator's value today (at the deadline once it has passed), or null when not recorded
     */
    public static TargetProgress evaluate(double target, LocalDate deadline, LocalDate planDate, double startValue,
                                          LocalDate today, Double value) {
        return evaluate(target, deadline, planDate, startValue, today, value, today.isAfter(deadline));
    }

    /** The same, where {@code passed} says the deadline is behind us and {@code value} was read on it. */
    public static TargetProgress evaluate(double target, LocalDate deadline, LocalDate planDate, double startValue,
                                          LocalDate today, Double value, boolean passed) {
        if (value == null) {
            return new TargetProgress(Status.NOT_RECORDED, 0, null);
        }
        if (value >= target) {
            return new TargetProgress(Status.MET, value, null);
        }
        LocalDate projected = projection(target, planDate, startValue, today, value);
        if (passed) {
            return new TargetProgress(Status.MISSED, value, projected);
        }
        boolean onTrack = projected != null && !projected.isAfter(deadline);
        return new TargetProgress(onTrack ? Status.ON_TRACK : Status.BEHIND, value, projected);
    }

    /** The day the target is reached at the pace since the plan date, or null when there is no progress. */
    static LocalDate projection(double target, LocalDate planDate, double startValue, LocalDate today, double value) {
        long days = ChronoUnit.DAYS.between(planDate, today);
        double gained = value - startValue;
        if (days <= 0 || gained <= 0) {
            return null;
        }
        double perDay = gained / days;
        long more = (long) Math.ceil((target - value) / perDay);
        return more > 365L * 50 ? null : today.plusDays(more);
    }
}
