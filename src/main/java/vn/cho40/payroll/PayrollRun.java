package vn.cho40.payroll;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** An approved month's payroll of one market board: a fact; a correction is an adjusting run. */
public record PayrollRun(UUID id, UUID marketId, YearMonth period, String kind, String rulesVersion, Region region,
                         int people, long grossVnd, long netVnd, long employeeInsuranceVnd, long incomeTaxVnd,
                         long employerInsuranceVnd, String approvedBy, Instant approvedAt, int paid, int failed) {

    public long employerCostVnd() {
        return grossVnd + employerInsuranceVnd;
    }

    public boolean fullyPaid() {
        return paid == people;
    }
}
