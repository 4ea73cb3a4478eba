package vn.cho40.payroll;

import java.time.YearMonth;
import java.util.List;

/**
 * One person's pay for one month under the rules in force that month. Integer đồng throughout; each line is
 * rounded once, half up, to the whole đồng: the prorated salary and each allowance
 * ({@code amount × days worked / working days}), each insurance share ({@code capped base × rate}) and the income
 * tax (the exact sum over the bands, rounded once at the end). Nothing else is rounded, so the payslip adds up line
 * by line.
 *
 * <p>Rules applied: insurance is paid on the full month's contract salary plus insurable allowances (not the
 * prorated pay), each share on its own ceiling, and not at all in a month with fewer working days worked than the
 * table's minimum (14). Taxable income is gross pay less non-taxable allowances, the employee's insurance and the
 * family deductions (for the taxpayer and each registered dependant), never below zero.
 */
public final class PayCalculator {

    private PayCalculator() {
    }

    /** An allowance: monthly amount; whether income tax and social insurance apply to it. */
    public record Allowance(String name, long amountVnd, boolean taxable, boolean insurable) {
        public Allowance {
            requireAmount(amountVnd, "allowance " + name);
        }
    }

    /**
     * What a month's pay is computed from: the full month's contract salary, allowances, dependants, the working days
     * worked out of the month's working days, one-off taxable additions and deductions after tax (advances).
     */
    public record Input(YearMonth month, Region region, long contractSalaryVnd, List<Allowance> allowances,
                        int dependants, int workedDays, int workingDays, long additionVnd, long deductionVnd) {
        public Input {
            requireAmount(contractSalaryVnd, "contract salary");
            requireAmount(additionVnd, "addition");
            requireAmount(deductionVnd, "deduction");
            allowances = List.copyOf(allowances);
            if (dependants < 0 || dependants > 20) {
                throw new IllegalArgumentException("dependants must be between 0 and 20, got " + dependants);
            }
            if (workingDays < 1 || workedDays < 0 || workedDays > workingDays) {
                throw new IllegalArgumentException("days worked " + workedDays + " of " + workingDays + " working days");
            }
        }

        /** A full month with no allowances, additions or deductions. */
        public static Input fullMonth(YearMonth month, Region region, long salaryVnd, int dependants,
                                      List<Allowance> allowances) {
            return new Input(month, region, salaryVnd, allowances, dependants, 22, 22, 0, 0);
        }
    }

    /** Every step of the payslip, in đồng. */
    public record Result(String rulesVersion, long salaryVnd, long taxableAllowanceVnd, long nonTaxableAllowanceVnd,
                         long additionVnd, long grossVnd, long insuranceBaseVnd, long socialVnd, long healthVnd,
                         long unemploymentVnd, long familyDeductionVnd, long taxableVnd, long incomeTaxVnd,
                         long deductionVnd, long netVnd, long employerSocialVnd, long employerHealthVnd,
                         long employerUnemploymentVnd, long employerUnionFeeVnd) {

        public long insuranceVnd() {
            return socialVnd + healthVnd + unemploymentVnd;
        }

        public long employerInsuranceVnd() {
            return employerSocialVnd + employerHealthVnd + employerUnemploymentVnd + employerUnionFeeVnd;
        }

        /** What the person costs the board: gross pay and the employer's contributions. */
        public long employerCostVnd() {
            return grossVnd + employerInsuranceVnd();
        }
    }

    /** The monthly salary of a public employee: coefficient (in hundredths, 2.34 = 234) × the reference level. */
    public static long coefficientSalaryVnd(int coefficientHundredths, PayrollRules rules) {
        if (coefficientHundredths <= 0 || coefficientHundredths > 2000) {
            throw new IllegalArgumentException("salary coefficient must be between 0.01 and 20.00");
        }
        return divideHalfUp(Math.multiplyExact(rules.referenceSalaryVnd(), coefficientHundredths), 100);
    }

    public static Result compute(PayrollRules rules, Input in) {
        if (!rules.month().equals(in.month())) {
            throw new IllegalArgumentException("rules of " + rules.month() + " for a payroll of " + in.month());
        }
        long salary = prorate(in.contractSalaryVnd(), in);
        long taxableAllowance = 0;
        long nonTaxableAllowance = 0;
        long insuranceBase = in.workedDays() >= Math.min(rules.insuranceMinWorkingDays(), in.workingDays())
                ? in.contractSalaryVnd() : 0;
        for (Allowance a : in.allowances()) {
            long amount = prorate(a.amountVnd(), in);
            if (a.taxable()) {
                taxableAllowance += amount;
            } else {
                nonTaxableAllowance += amount;
            }
            if (a.insurable() && insuranceBase > 0) {
                insuranceBase += a.amountVnd();
            }
        }
        long gross = salary + taxableAllowance + nonTaxableAllowance + in.additionVnd();
        long socialBase = Math.min(insuranceBase, rules.socialCapVnd());
        long healthBase = Math.min(insuranceBase, rules.healthCapVnd());
        long unemploymentBase = Math.min(insuranceBase, rules.unemploymentCapVnd(in.region()));
        long social = share(socialBase, rules.employeeSocialBp());
        long health = share(healthBase, rules.employeeHealthBp());
        long unemployment = share(unemploymentBase, rules.employeeUnemploymentBp());
        long family = rules.familySelfVnd() + rules.familyDependantVnd() * in.dependants();
        long taxable = Math.max(0, gross - nonTaxableAllowance - social - health - unemployment - family);
        long tax = incomeTax(rules, taxable);
        long net = gross - social - health - unemployment - tax - in.deductionVnd();
        return new Result(rules.version(), salary, taxableAllowance, nonTaxableAllowance, in.additionVnd(), gross,
                insuranceBase, social, health, unemployment, family, taxable, tax, in.deductionVnd(), net,
                share(socialBase, rules.employerSocialBp()), share(healthBase, rules.employerHealthBp()),
                share(unemploymentBase, rules.employerUnemploymentBp()), share(socialBase, rules.employerUnionFeeBp()));
    }

    /**
     * An adjusting line for a month already paid: what changes when {@code additionVnd} more taxable pay and
     * {@code deductionVnd} more deductions are added to what the month's lines so far add up to ({@code paid}).
     * Insurance does not change (it follows the contract salary); the income tax is recomputed on the month's whole
     * taxable income, and the line holds the differences, so the month's lines together equal one corrected payslip.
     */
    public static Result adjustment(PayrollRules rules, Result paid, long additionVnd, long deductionVnd) {
        if (additionVnd < 0 || deductionVnd < 0 || additionVnd > 10_000_000_000L || deductionVnd > 10_000_000_000L) {
            throw new IllegalArgumentException("adjustment amounts must be between 0 and 10,000,000,000 đ");
        }
        long gross = paid.grossVnd() + additionVnd;
        long taxable = Math.max(0, gross - paid.nonTaxableAllowanceVnd() - paid.insuranceVnd() - paid.familyDeductionVnd());
        long tax = incomeTax(rules, taxable) - paid.incomeTaxVnd();
        long net = additionVnd - tax - deductionVnd;
        return new Result(rules.version(), 0, 0, 0, additionVnd, additionVnd, 0, 0, 0, 0, 0,
                taxable - paid.taxableVnd(), tax, deductionVnd, net, 0, 0, 0, 0);
    }

    /** The field-by-field sum of a month's lines for one person (a regular line and its adjustments). */
    public static Result sum(List<Result> lines) {
        long[] t = new long[18];
        for (Result r : lines) {
            long[] v = {r.salaryVnd(), r.taxableAllowanceVnd(), r.nonTaxableAllowanceVnd(), r.additionVnd(), r.grossVnd(),
                r.insuranceBaseVnd(), r.socialVnd(), r.healthVnd(), r.unemploymentVnd(), r.familyDeductionVnd(),
                r.taxableVnd(), r.incomeTaxVnd(), r.deductionVnd(), r.netVnd(), r.employerSocialVnd(),
                r.employerHealthVnd(), r.employerUnemploymentVnd(), r.employerUnionFeeVnd()};
            for (int i = 0; i < v.length; i++) {
                t[i] += v[i];
            }
        }
        return new Result(null, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13],
                t[14], t[15], t[16], t[17]);
    }

    /** Income tax on a month's taxable income: each band's part at its rate, summed exactly, rounded once half up. */
    public static long incomeTax(PayrollRules rules, long taxableVnd) {
        long lower = 0;
        long sumTimesBp = 0;
        for (PayrollRules.Band band : rules.taxBands()) {
            long upper = band.upToVnd() == null ? Long.MAX_VALUE : band.upToVnd();
            if (taxableVnd > lower) {
                sumTimesBp = Math.addExact(sumTimesBp, Math.multiplyExact(Math.min(taxableVnd, upper) - lower,
                        (long) band.rateBp()));
            }
            lower = upper;
        }
        return divideHalfUp(sumTimesBp, 10_000);
    }

    static long share(long baseVnd, int rateBp) {
        return divideHalfUp(Math.multiplyExact(baseVnd, (long) rateBp), 10_000);
    }

    private static long prorate(long monthlyVnd, Input in) {
        if (in.workedDays() == in.workingDays()) {
            return monthlyVnd;
        }
        return divideHalfUp(Math.multiplyExact(monthlyVnd, (long) in.workedDays()), in.workingDays());
    }

    static long divideHalfUp(long dividend, long divisor) {
        return (dividend + divisor / 2) / divisor;
    }

    private static void requireAmount(long amountVnd, String what) {
        if (amountVnd < 0 || amountVnd > 10_000_000_000L) {
            throw new IllegalArgumentException(what + " must be between 0 and 10,000,000,000 đ, got " + amountVnd);
        }
    }
}
