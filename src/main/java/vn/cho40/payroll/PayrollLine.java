package vn.cho40.payroll;

import java.time.Instant;
import java.util.UUID;

/** One person's line of an approved run: every step of the payslip and the transfer's outcome. */
public record PayrollLine(UUID id, UUID runId, UUID staffId, String fullName, String position, String bankBin,
                          String accountLast4, int workedDays, int workingDays, int dependants,
                          PayCalculator.Result pay, String transferRef, PaymentStatus status, String failureReason,
                          Instant paidAt) {

    /** The outcome of a line's transfer. */
    public enum PaymentStatus { PENDING, SENT, PAID, FAILED }
}
