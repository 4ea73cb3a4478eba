package vn.cho40.payroll;

import java.time.Instant;
import java.util.UUID;

/**
 * One person's line of an approved run: every step of the payslip and the transfer's outcome. The full month's
 * contract salary (null on adjusting lines and lines approved before it was kept) and whether the days came from
 * the board's attendance record let the payslip show the proration step by step.
 */
public record PayrollLine(UUID id, UUID runId, UUID staffId, String fullName, String position, String bankBin,
                          String accountLast4, int workedDays, int workingDays, int dependants,
                          PayCalculator.Result pay, String transferRef, PaymentStatus status, String failureReason,
                          Instant paidAt, Long contractSalaryVnd, boolean daysRecorded) {

    /** The outcome of a line's transfer. */
    public enum PaymentStatus { PENDING, SENT, PAID, FAILED }
}
