package vn.cho40.payroll;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A person on a market board's payroll as pages show them: personal numbers only as their last four digits.
 * The contract is either a coefficient of the reference level (public employees, in hundredths) or a fixed
 * monthly salary.
 */
public record StaffMember(UUID id, UUID marketId, String fullName, String idLast4, String phoneLast4, String bankBin,
                          String accountLast4, String holderName, String holderMismatchReason, String position,
                          ContractKind contractKind, Integer coefficientHundredths, Long salaryVnd, int dependants,
                          LocalDate startOn, LocalDate endOn, List<StaffAllowance> allowances) {

    public enum ContractKind { COEFFICIENT, FIXED }

    /** A monthly allowance of a kind in data/payroll/allowance-kinds.csv. */
    public record StaffAllowance(String kind, long amountVnd, boolean taxable, boolean insurable) {
    }

    public boolean hasAccount() {
        return bankBin != null;
    }

    /** Employed on at least one day of the month. */
    public boolean employedIn(YearMonth month) {
        return !startOn.isAfter(month.atEndOfMonth()) && (endOn == null || !endOn.isBefore(month.atDay(1)));
    }

    /** The full month's contract salary under the rules of that month. */
    public long contractSalaryVnd(PayrollRules rules) {
        return contractKind == ContractKind.COEFFICIENT
                ? PayCalculator.coefficientSalaryVnd(coefficientHundredths, rules) : salaryVnd;
    }

    public String coefficientText() {
        return coefficientHundredths == null ? "" : String.format(java.util.Locale.ROOT, "%d,%02d",
                coefficientHundredths / 100, coefficientHundredths % 100);
    }
}
