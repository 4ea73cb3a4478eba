package vn.cho40.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.cho40.payroll.BankFile;
import vn.cho40.payroll.PayCalculator;
import vn.cho40.payroll.PayrollRules;
import vn.cho40.payroll.Pain001;
import vn.cho40.payroll.Region;

/**
 * A province's payroll without the database (issue 15's target: 2,000 staff across 100 boards computed and their
 * files written in at most 5 s). One operation is the whole province: every payslip computed under the month's
 * rules, then each board's bank file (VietinBank XLSX layout) and its ISO 20022 pain.001 file written. Baseline in
 * the same run: the payslips alone. Single shot per iteration, so each figure is one province end to end.
 */
@State(Scope.Thread)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PayrollBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final int BOARDS = 100;
    private static final int STAFF_PER_BOARD = 20;

    @Benchmark
    public long baselinePayslipsOnly() {
        long total = 0;
        PayrollRules rules = PayrollRules.forMonth(MONTH);
        for (int board = 0; board < BOARDS; board++) {
            total += board(rules, board).stream().mapToLong(BankFile.Transfer::amountVnd).sum();
        }
        return total;
    }

    @Benchmark
    public long provincePayslipsAndFiles() {
        long bytes = 0;
        PayrollRules rules = PayrollRules.forMonth(MONTH);
        BankFile.Template template = BankFile.template("VTB_EFAST").orElseThrow();
        for (int board = 0; board < BOARDS; board++) {
            List<BankFile.Transfer> transfers = board(rules, board);
            bytes += BankFile.write(template, "1234567890", MONTH, "M" + board, transfers).content().length;
            bytes += Pain001.write(new Pain001.Debtor("C40P" + board, OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0,
                    ZoneOffset.ofHours(7)), "Ban quan ly cho " + board, "1234567890", "970415",
                    LocalDate.of(2026, 11, 30)), MONTH, "M" + board, transfers).content().length;
        }
        return bytes;
    }

    /** One board's 20 people: salaries spread across every tax band, a lunch allowance, 0 to 2 dependants. */
    private static List<BankFile.Transfer> board(PayrollRules rules, int board) {
        List<BankFile.Transfer> transfers = new ArrayList<>(STAFF_PER_BOARD);
        for (int person = 0; person < STAFF_PER_BOARD; person++) {
            int n = board * STAFF_PER_BOARD + person;
            PayCalculator.Result r = PayCalculator.compute(rules, new PayCalculator.Input(MONTH, Region.III,
                    5_000_000L + 137_000L * n, List.of(new PayCalculator.Allowance("LUNCH", 730_000, false, false)),
                    person % 3, 21, 21, 0, 0));
            transfers.add(new BankFile.Transfer("C40L" + String.format("%010d", n), "10187000" + person,
                    "Nguyễn Văn " + person, "970415", r.netVnd()));
        }
        return transfers;
    }
}
