package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cho40.payroll.PayCalculator.Allowance;
import vn.cho40.payroll.PayCalculator.Input;
import vn.cho40.payroll.PayCalculator.Result;

/** Worked examples of the 2025 and 2026 rules, computed by hand from the table's figures. */
class PayCalculatorTest {

    private static final YearMonth JAN_2026 = YearMonth.of(2026, 1);
    private static final YearMonth JUN_2026 = YearMonth.of(2026, 6);
    private static final YearMonth JUL_2026 = YearMonth.of(2026, 7);

    private static Result pay(YearMonth month, Region region, long salary, int dependants, Allowance... allowances) {
        return PayCalculator.compute(PayrollRules.forMonth(month),
                Input.fullMonth(month, region, salary, dependants, List.of(allowances)));
    }

    @Test
    void twentyMillionInJanuary2026() {
        Result r = pay(JAN_2026, Region.I, 20_000_000, 0);
        assertThat(r.socialVnd()).isEqualTo(1_600_000);
        assertThat(r.healthVnd()).isEqualTo(300_000);
        assertThat(r.unemploymentVnd()).isEqualTo(200_000);
        assertThat(r.familyDeductionVnd()).isEqualTo(15_500_000);
        assertThat(r.taxableVnd()).isEqualTo(2_400_000);
        assertThat(r.incomeTaxVnd()).isEqualTo(120_000);
        assertThat(r.netVnd()).isEqualTo(17_780_000);
        assertThat(r.employerInsuranceVnd()).isEqualTo(3_500_000 + 600_000 + 200_000 + 400_000);
        assertThat(r.employerCostVnd()).isEqualTo(24_700_000);
        assertThat(r.rulesVersion()).isEqualTo("vn-2026.1");
    }

    @Test
    void socialAndHealthAreCappedAtTwentyReferenceLevelsAndTheCapRisesInJuly2026() {
        Result june = pay(JUN_2026, Region.I, 60_000_000, 1);
        assertThat(june.socialVnd()).isEqualTo(3_744_000); // 8% of 46,800,000
        assertThat(june.healthVnd()).isEqualTo(702_000);
        assertThat(june.unemploymentVnd()).isEqualTo(600_000); // below 20 x 5,310,000
        assertThat(june.familyDeductionVnd()).isEqualTo(21_700_000);
        assertThat(june.taxableVnd()).isEqualTo(33_254_000);
        assertThat(june.incomeTaxVnd()).isEqualTo(3_150_800);
        assertThat(june.netVnd()).isEqualTo(51_803_200);

        Result july = pay(JUL_2026, Region.I, 60_000_000, 1);
        assertThat(july.socialVnd()).isEqualTo(4_048_000); // 8% of 50,600,000
        assertThat(july.healthVnd()).isEqualTo(759_000);
        assertThat(july.taxableVnd()).isEqualTo(32_893_000);
        assertThat(july.incomeTaxVnd()).isEqualTo(3_078_600);
        assertThat(july.netVnd()).isEqualTo(51_514_400);
        assertThat(july.rulesVersion()).isEqualTo("vn-2026.2");
    }

    @Test
    void unemploymentIsCappedAtTwentyRegionalMinimumWages() {
        assertThat(pay(JAN_2026, Region.IV, 120_000_000, 0).unemploymentVnd()).isEqualTo(740_000);
        assertThat(pay(JAN_2026, Region.I, 120_000_000, 0).unemploymentVnd()).isEqualTo(1_062_000);
        assertThat(pay(JAN_2026, Region.II, 120_000_000, 0).unemploymentVnd()).isEqualTo(946_000);
    }

    @Test
    void theCoefficientSalaryFollowsTheReferenceLevelOfTheMonth() {
        assertThat(PayCalculator.coefficientSalaryVnd(234, PayrollRules.forMonth(JUN_2026))).isEqualTo(5_475_600);
        assertThat(PayCalculator.coefficientSalaryVnd(234, PayrollRules.forMonth(JUL_2026))).isEqualTo(5_920_200);
        assertThat(PayCalculator.coefficientSalaryVnd(333, PayrollRules.forMonth(JUL_2026))).isEqualTo(8_424_900);
    }

    @Test
    void dependantsReduceTaxableIncome() {
        assertThat(pay(JAN_2026, Region.I, 40_000_000, 0).taxableVnd()).isEqualTo(40_000_000 - 4_200_000 - 15_500_000);
        assertThat(pay(JAN_2026, Region.I, 40_000_000, 2).taxableVnd())
                .isEqualTo(40_000_000 - 4_200_000 - 15_500_000 - 12_400_000);
        assertThat(pay(JAN_2026, Region.I, 40_000_000, 5).taxableVnd()).isZero();
        assertThat(pay(JAN_2026, Region.I, 40_000_000, 5).incomeTaxVnd()).isZero();
    }

    @Test
    void nonTaxableAllowancesArePaidButNotTaxedAndOnlyInsurableOnesAreInsured() {
        Result r = pay(JAN_2026, Region.II, 16_000_000, 0, new Allowance("lunch", 730_000, false, false),
                new Allowance("position", 1_000_000, true, true));
        assertThat(r.grossVnd()).isEqualTo(17_730_000);
        assertThat(r.nonTaxableAllowanceVnd()).isEqualTo(730_000);
        assertThat(r.insuranceBaseVnd()).isEqualTo(17_000_000);
        assertThat(r.insuranceVnd()).isEqualTo(1_785_000);
        assertThat(r.taxableVnd()).isZero();
        assertThat(r.netVnd()).isEqualTo(15_945_000);
    }

    @ParameterizedTest(name = "2026 scale: {0} taxable -> {1} tax")
    @CsvSource({"0,0", "1,0", "10,1", "9,0", "10000000,500000", "10000001,500000", "30000000,2500000",
        "30000010,2500002", "60000000,8500000", "100000000,20500000", "100000001,20500000", "200000000,55500000"})
    void everyBandEdgeOf2026(long taxable, long tax) {
        assertThat(PayCalculator.incomeTax(PayrollRules.forMonth(JAN_2026), taxable)).isEqualTo(tax);
    }

    @ParameterizedTest(name = "2025 scale: {0} taxable -> {1} tax")
    @CsvSource({"5000000,250000", "10000000,750000", "18000000,1950000", "20000000,2350000",
        "32000000,4750000", "52000000,9750000", "80000000,18150000", "100000000,25150000"})
    void everyBandEdgeOf2025(long taxable, long tax) {
        assertThat(PayCalculator.incomeTax(PayrollRules.forMonth(YearMonth.of(2025, 12)), taxable)).isEqualTo(tax);
    }

    @Test
    void the2025FamilyDeductionsApplyBeforeJanuary2026() {
        PayrollRules dec = PayrollRules.forMonth(YearMonth.of(2025, 12));
        assertThat(dec.familySelfVnd()).isEqualTo(11_000_000);
        assertThat(dec.familyDependantVnd()).isEqualTo(4_400_000);
        assertThat(dec.minWageVnd().get(Region.I)).isEqualTo(4_960_000);
    }

    @Test
    void aStarterFromMidMonthIsProratedAndInsuredOnlyFromFourteenDays() {
        assertThat(WorkingDays.inMonth(JAN_2026)).isEqualTo(22);
        int tenDays = WorkingDays.worked(JAN_2026, LocalDate.of(2026, 1, 19), null);
        assertThat(tenDays).isEqualTo(10);
        Result late = PayCalculator.compute(PayrollRules.forMonth(JAN_2026),
                new Input(JAN_2026, Region.I, 11_000_000, List.of(), 0, tenDays, 22, 0, 0));
        assertThat(late.salaryVnd()).isEqualTo(5_000_000);
        assertThat(late.insuranceVnd()).isZero();
        assertThat(late.netVnd()).isEqualTo(5_000_000);

        int fifteen = WorkingDays.worked(JAN_2026, LocalDate.of(2026, 1, 12), null);
        assertThat(fifteen).isEqualTo(15);
        Result earlier = PayCalculator.compute(PayrollRules.forMonth(JAN_2026),
                new Input(JAN_2026, Region.I, 11_000_000, List.of(), 0, fifteen, 22, 0, 0));
        assertThat(earlier.salaryVnd()).isEqualTo(7_500_000);
        assertThat(earlier.insuranceVnd()).isEqualTo(1_155_000); // on the full month's salary
        assertThat(earlier.netVnd()).isEqualTo(6_345_000);
    }

    @Test
    void aLeaverIsPaidUpToTheLastDay() {
        assertThat(WorkingDays.worked(JAN_2026, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 2))).isEqualTo(2);
        assertThat(WorkingDays.worked(JAN_2026, LocalDate.of(2026, 2, 1), null)).isZero();
        assertThat(WorkingDays.worked(JAN_2026, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31))).isZero();
    }

    @Test
    void eachLineIsRoundedOnceHalfUp() {
        Result r = PayCalculator.compute(PayrollRules.forMonth(JAN_2026),
                new Input(JAN_2026, Region.I, 10_000_000, List.of(), 0, 7, 22, 0, 0));
        assertThat(r.salaryVnd()).isEqualTo(3_181_818); // 3,181,818.18
        assertThat(PayCalculator.share(100, 150)).isEqualTo(2); // 1.5
        assertThat(PayCalculator.share(12_345, 150)).isEqualTo(185); // 185.175
        Result odd = pay(JAN_2026, Region.I, 12_345_677, 0);
        assertThat(odd.socialVnd()).isEqualTo(987_654); // 987,654.16
        assertThat(odd.healthVnd()).isEqualTo(185_185); // 185,185.155
        assertThat(odd.netVnd()).isEqualTo(odd.grossVnd() - odd.insuranceVnd() - odd.incomeTaxVnd());
    }

    @Test
    void additionsAreTaxedAndDeductionsComeOffTheNet() {
        Result r = PayCalculator.compute(PayrollRules.forMonth(JAN_2026),
                new Input(JAN_2026, Region.I, 20_000_000, List.of(), 0, 22, 22, 2_000_000, 500_000));
        assertThat(r.grossVnd()).isEqualTo(22_000_000);
        assertThat(r.insuranceVnd()).isEqualTo(2_100_000); // the bonus is not insured
        assertThat(r.taxableVnd()).isEqualTo(4_400_000);
        assertThat(r.incomeTaxVnd()).isEqualTo(220_000);
        assertThat(r.netVnd()).isEqualTo(22_000_000 - 2_100_000 - 220_000 - 500_000);
    }

    @Test
    void absurdInputIsRefused() {
        assertThatThrownBy(() -> Input.fullMonth(JAN_2026, Region.I, -1, 0, List.of()))
                .hasMessageContaining("contract salary");
        assertThatThrownBy(() -> Input.fullMonth(JAN_2026, Region.I, 10_000_000_001L, 0, List.of()))
                .hasMessageContaining("contract salary");
        assertThatThrownBy(() -> Input.fullMonth(JAN_2026, Region.I, 1, -1, List.of()))
                .hasMessageContaining("dependants");
        assertThatThrownBy(() -> new Input(JAN_2026, Region.I, 1, List.of(), 0, 23, 22, 0, 0))
                .hasMessageContaining("days worked");
        assertThatThrownBy(() -> PayCalculator.compute(PayrollRules.forMonth(JUN_2026),
                Input.fullMonth(JAN_2026, Region.I, 1, 0, List.of()))).hasMessageContaining("rules of");
    }

    @Test
    void everyRowOfTheTableCitesItsSourceAndEveryMonthFrom2025HasACompleteRuleSet() {
        assertThat(PayrollRules.shippedTable()).allSatisfy(row -> assertThat(row.source()).isNotBlank());
        for (YearMonth m = YearMonth.of(2025, 1); m.isBefore(YearMonth.of(2028, 1)); m = m.plusMonths(1)) {
            assertThat(PayrollRules.forMonth(m).taxBands()).isNotEmpty();
        }
        assertThatThrownBy(() -> PayrollRules.forMonth(YearMonth.of(2019, 1))).hasMessageContaining("in force on 2019-01-01");
    }

    @Test
    void aTableWithTwoValuesForOneDayIsRefused() {
        List<PayrollRules.Row> rows = new java.util.ArrayList<>(PayrollRules.shippedTable());
        rows.add(new PayrollRules.Row("reference_salary_vnd", LocalDate.of(2026, 3, 1), null, "1", "test"));
        assertThatThrownBy(() -> PayrollRules.forMonth(rows, YearMonth.of(2026, 3)))
                .hasMessageContaining("2 values of reference_salary_vnd");
    }

    @Test
    void anAdjustingLineRetaxesTheWholeMonthAndTogetherWithTheFirstEqualsOneCorrectedPayslip() {
        PayrollRules rules = PayrollRules.forMonth(JAN_2026);
        Result first = pay(JAN_2026, Region.I, 20_000_000, 0); // taxable 2,400,000, tax 120,000
        Result adj = PayCalculator.adjustment(rules, PayCalculator.sum(List.of(first)), 10_000_000, 300_000);
        assertThat(adj.grossVnd()).isEqualTo(10_000_000);
        assertThat(adj.insuranceVnd()).isZero();
        // The month's taxable income becomes 12,400,000: 500,000 + 240,000 = 740,000 tax, 620,000 more.
        assertThat(adj.taxableVnd()).isEqualTo(10_000_000);
        assertThat(adj.incomeTaxVnd()).isEqualTo(620_000);
        assertThat(adj.netVnd()).isEqualTo(10_000_000 - 620_000 - 300_000);
        Result corrected = PayCalculator.compute(rules,
                new Input(JAN_2026, Region.I, 20_000_000, List.of(), 0, 22, 22, 10_000_000, 300_000));
        Result together = PayCalculator.sum(List.of(first, adj));
        assertThat(together.incomeTaxVnd()).isEqualTo(corrected.incomeTaxVnd());
        assertThat(together.netVnd()).isEqualTo(corrected.netVnd());
        assertThat(together.grossVnd()).isEqualTo(corrected.grossVnd());
    }
}
