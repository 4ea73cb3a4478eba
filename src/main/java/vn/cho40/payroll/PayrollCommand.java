package vn.cho40.payroll;

import java.io.PrintStream;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./cho40 payroll net --gross 20000000 [--dependants N] [--region I|II|III|IV] [--period YYYY-MM]
 * [--non-taxable 730000]}: one month's pay from the shipped rules, without a database, as one JSON line. Bad
 * arguments exit 2 with a message.
 */
public final class PayrollCommand {

    private PayrollCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("net")) {
            err.println("Cách dùng / usage: ./cho40 payroll net --gross 20000000 [--dependants N] "
                    + "[--region I|II|III|IV] [--period YYYY-MM] [--non-taxable 730000]");
            return 2;
        }
        Long gross = null;
        int dependants = 0;
        Region region = Region.I;
        YearMonth period = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long nonTaxable = 0;
        try {
            for (int i = 1; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value / cần một giá trị");
                }
                switch (args[i]) {
                    case "--gross" -> gross = Long.parseLong(value);
                    case "--dependants" -> dependants = Integer.parseInt(value);
                    case "--region" -> region = Region.parse(value).orElseThrow(
                            () -> new IllegalArgumentException("--region must be I, II, III or IV / vùng I, II, III hoặc IV"));
                    case "--period" -> period = YearMonth.parse(value);
                    case "--non-taxable" -> nonTaxable = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option / tùy chọn lạ: " + args[i]);
                }
            }
            if (gross == null) {
                throw new IllegalArgumentException("--gross is required / cần --gross (tổng lương tháng, đồng)");
            }
            if (nonTaxable > gross) {
                throw new IllegalArgumentException("--non-taxable cannot exceed --gross / không được lớn hơn --gross");
            }
            PayrollRules rules = PayrollRules.forMonth(period);
            List<PayCalculator.Allowance> allowances = new ArrayList<>();
            if (nonTaxable > 0) {
                allowances.add(new PayCalculator.Allowance("non-taxable", nonTaxable, false, false));
            }
            PayCalculator.Result r = PayCalculator.compute(rules,
                    PayCalculator.Input.fullMonth(period, region, gross - nonTaxable, dependants, allowances));
            out.println("{\"period\":\"" + period + "\",\"region\":\"" + region + "\",\"grossVnd\":" + r.grossVnd()
                    + ",\"socialVnd\":" + r.socialVnd() + ",\"healthVnd\":" + r.healthVnd()
                    + ",\"unemploymentVnd\":" + r.unemploymentVnd() + ",\"insuranceVnd\":" + r.insuranceVnd()
                    + ",\"familyDeductionVnd\":" + r.familyDeductionVnd() + ",\"taxableVnd\":" + r.taxableVnd()
                    + ",\"incomeTaxVnd\":" + r.incomeTaxVnd() + ",\"netVnd\":" + r.netVnd()
                    + ",\"employerCostVnd\":" + r.employerCostVnd() + ",\"rules\":\"" + r.rulesVersion() + "\"}");
            return 0;
        } catch (NumberFormatException | DateTimeParseException e) {
            err.println("not a number or month (YYYY-MM) / không phải số hoặc tháng: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
