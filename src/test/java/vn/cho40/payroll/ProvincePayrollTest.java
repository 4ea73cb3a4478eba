package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.TableFile;

/**
 * What the province benchmark (src/jmh/java/vn/cho40/bench/PayrollBenchmark.java, timed there and recorded in
 * docs/benchmarks.md, never here) computes and writes, checked for correctness on a few boards: every payslip adds
 * up, and each board's bank file and pain.001 file hold exactly its people and its net total.
 */
class ProvincePayrollTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    @Test
    void eachBoardsFilesHoldItsPeopleAndItsNetTotal() throws Exception {
        PayrollRules rules = PayrollRules.forMonth(MONTH);
        BankFile.Template template = BankFile.template("VTB_EFAST").orElseThrow();
        for (int board = 0; board < 3; board++) {
            List<BankFile.Transfer> transfers = new ArrayList<>();
            long net = 0;
            for (int person = 0; person < 20; person++) {
                int n = board * 20 + person;
                PayCalculator.Result r = PayCalculator.compute(rules, new PayCalculator.Input(MONTH, Region.III,
                        5_000_000L + 1_370_000L * n, List.of(new PayCalculator.Allowance("LUNCH", 730_000, false, false)),
                        person % 3, 21, 21, 0, 0));
                assertThat(r.netVnd()).isEqualTo(r.grossVnd() - r.insuranceVnd() - r.incomeTaxVnd());
                net += r.netVnd();
                transfers.add(new BankFile.Transfer("C40L" + String.format("%010d", n), "10187000" + person,
                        "Nguyễn Văn " + person, "970415", r.netVnd()));
            }
            BankFile.Written xlsx = BankFile.write(template, "1234567890", MONTH, "M" + board, transfers);
            assertThat(xlsx.count()).isEqualTo(20);
            assertThat(xlsx.totalVnd()).isEqualTo(net);
            List<TableFile.Row> rows = TableFile.rows(xlsx.filename(), xlsx.content(), 100);
            int header = 0;
            while (!rows.get(header).cells().contains("STT")) {
                header++;
            }
            int amount = rows.get(header).cells().indexOf("So tien");
            assertThat(rows.subList(header + 1, rows.size()).stream().mapToLong(r -> Long.parseLong(r.cell(amount)))
                    .sum()).isEqualTo(net);
            BankFile.Written pain = Pain001.write(new Pain001.Debtor("C40P" + board, OffsetDateTime.of(2026, 11, 28,
                    9, 0, 0, 0, ZoneOffset.ofHours(7)), "Ban quan ly", "1234567890", "970415",
                    LocalDate.of(2026, 11, 30)), MONTH, "M" + board, transfers);
            Pain001Test.validate(pain.content());
            assertThat(pain.totalVnd()).isEqualTo(net);
        }
    }
}
