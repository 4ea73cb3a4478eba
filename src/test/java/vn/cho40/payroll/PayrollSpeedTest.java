package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A province's payroll without the database: 2,000 staff across 100 boards computed and each board's bank file
 * (XLSX) written, within the 5 seconds (docs/benchmarks.md records the time).
 */
class PayrollSpeedTest {

    @Test
    void aProvincesPayrollIsComputedAndItsBankFilesWrittenWithinFiveSeconds() {
        YearMonth month = YearMonth.of(2026, 11);
        long started = System.nanoTime();
        PayrollRules rules = PayrollRules.forMonth(month);
        BankFile.Template template = BankFile.template("VTB_EFAST").orElseThrow();
        long total = 0;
        for (int board = 0; board < 100; board++) {
            List<BankFile.Transfer> transfers = new ArrayList<>(20);
            for (int person = 0; person < 20; person++) {
                PayCalculator.Result r = PayCalculator.compute(rules, new PayCalculator.Input(month, Region.III,
                        5_000_000L + 137_000L * (board * 20 + person), List.of(
                        new PayCalculator.Allowance("LUNCH", 730_000, false, false)), person % 3, 21, 21, 0, 0));
                transfers.add(new BankFile.Transfer("C40L" + String.format("%010d", board * 20 + person),
                        "10187000" + person, "Nguyễn Văn " + person, "970415", r.netVnd()));
                total += r.netVnd();
            }
            BankFile.Written w = BankFile.write(template, "1234567890", month, "M" + board, transfers);
            assertThat(w.count()).isEqualTo(20);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("payroll of 2000 staff / 100 boards computed and bank files written in " + millis + " ms");
        assertThat(total).isPositive();
        assertThat(millis).isLessThan(5_000);
    }
}
