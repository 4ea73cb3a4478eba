package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayrollCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PayrollCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonLineOfTheMonthsPay() {
        assertThat(run("net", "--gross", "20000000", "--period", "2026-01", "--region", "I")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"grossVnd\":20000000", "\"socialVnd\":1600000",
                "\"insuranceVnd\":2100000", "\"familyDeductionVnd\":15500000", "\"taxableVnd\":2400000",
                "\"incomeTaxVnd\":120000", "\"netVnd\":17780000", "\"rules\":\"vn-2026.1\"");
    }

    @Test
    void nonTaxablePartIsNeitherTaxedNorInsured() {
        assertThat(run("net", "--gross", "20730000", "--period", "2026-01", "--non-taxable", "730000",
                "--dependants", "0")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"grossVnd\":20730000", "\"insuranceVnd\":2100000",
                "\"taxableVnd\":2400000", "\"netVnd\":18510000");
    }

    @Test
    void badArgumentsExitTwoWithAMessage() {
        assertThat(run("net")).isEqualTo(2);
        assertThat(run("net", "--gross", "abc")).isEqualTo(2);
        assertThat(run("net", "--gross", "-5")).isEqualTo(2);
        assertThat(run("net", "--gross", "100", "--region", "V")).isEqualTo(2);
        assertThat(run("net", "--gross", "100", "--period", "2026-13")).isEqualTo(2);
        assertThat(run("net", "--gross", "100", "--non-taxable", "200")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--gross", "--region");
        assertThat(out.size()).isZero();
    }
}
