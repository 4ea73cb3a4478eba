package vn.cho40.payroll;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of Vietnamese pay in force in one month, read from the dated table
 * {@code data/payroll/rules-vn.csv} (every row cites its legal source): the reference level, the regional minimum
 * wages, the employee's and employer's insurance shares and ceilings, the family deductions and the progressive
 * income-tax scale. Plain Java; the table, not this class, holds the figures.
 */
public record PayrollRules(String version, YearMonth month, long referenceSalaryVnd, Map<Region, Long> minWageVnd,
                           int employeeSocialBp, int employeeHealthBp, int employeeUnemploymentBp,
                           int employerSocialBp, int employerHealthBp, int employerUnemploymentBp,
                           int employerUnionFeeBp, int socialCapMultiple, int healthCapMultiple,
                           int unemploymentCapMultiple, int insuranceMinWorkingDays, long familySelfVnd,
                           long familyDependantVnd, List<Band> taxBands) {

    public static final String RESOURCE = "/data/payroll/rules-vn.csv";

    /** One band of the income-tax scale: income up to {@code upToVnd} (null: no upper bound) taxed at the rate. */
    public record Band(Long upToVnd, int rateBp) {
    }

    /** One row of the table: a parameter's value between two days (to may be null) and its source. */
    public record Row(String parameter, LocalDate from, LocalDate to, String value, String source) {
        boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    public PayrollRules {
        minWageVnd = Map.copyOf(minWageVnd);
        taxBands = List.copyOf(taxBands);
    }

    public long socialCapVnd() {
        return Math.multiplyExact(referenceSalaryVnd, socialCapMultiple);
    }

    public long healthCapVnd() {
        return Math.multiplyExact(referenceSalaryVnd, healthCapMultiple);
    }

    public long unemploymentCapVnd(Region region) {
        return Math.multiplyExact(minWageVnd.get(region), unemploymentCapMultiple);
    }

    /** The table shipped with the project. */
    public static List<Row> shippedTable() {
        try (InputStream in = PayrollRules.class.getResourceAsStream(RESOURCE)) {
            return parse(new String(Objects.requireNonNull(in, RESOURCE).readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules in force on the first day of the month, from the shipped table. */
    public static PayrollRules forMonth(YearMonth month) {
        return forMonth(shippedTable(), month);
    }

    /** Reads the table: comment lines start with #, the source is the rest of the line (it may hold commas). */
    public static List<Row> parse(String csv) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 5);
                if (f.length < 5 || f[4].isBlank()) {
                    throw new IllegalStateException("payroll rules line " + n + ": parameter,from,to,value,source expected");
                }
                rows.add(new Row(f[0].strip(), LocalDate.parse(f[1].strip()),
                        f[2].isBlank() ? null : LocalDate.parse(f[2].strip()), f[3].strip(), f[4].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * The rules in force on the first day of {@code month}. Fails with a message naming the parameter when the table
     * has no value, or two, for that day: a month without a complete rule set cannot be paid.
     */
    public static PayrollRules forMonth(List<Row> table, YearMonth month) {
        LocalDate day = month.atDay(1);
        List<Row> inForce = table.stream().filter(r -> r.inForceOn(day)).toList();
        Map<Region, Long> minWage = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            minWage.put(region, number(inForce, "min_wage_region_" + region + "_vnd", month));
        }
        List<Band> bands = inForce.stream().filter(r -> r.parameter().equals("pit_band")).map(PayrollRules::band).toList();
        requireBands(bands, month);
        return new PayrollRules(one(inForce, "version", month).value(), month,
                number(inForce, "reference_salary_vnd", month), minWage,
                (int) number(inForce, "employee_social_bp", month), (int) number(inForce, "employee_health_bp", month),
                (int) number(inForce, "employee_unemployment_bp", month),
                (int) number(inForce, "employer_social_bp", month), (int) number(inForce, "employer_health_bp", month),
                (int) number(inForce, "employer_unemployment_bp", month),
                (int) number(inForce, "employer_union_fee_bp", month),
                (int) number(inForce, "social_cap_reference_multiple", month),
                (int) number(inForce, "health_cap_reference_multiple", month),
                (int) number(inForce, "unemployment_cap_min_wage_multiple", month),
                (int) number(inForce, "insurance_min_working_days", month),
                number(inForce, "family_deduction_self_vnd", month),
                number(inForce, "family_deduction_dependant_vnd", month), bands);
    }

    private static Row one(List<Row> inForce, String parameter, YearMonth month) {
        List<Row> found = inForce.stream().filter(r -> r.parameter().equals(parameter)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("payroll rules: " + found.size() + " values of " + parameter
                    + " in force on " + month.atDay(1) + "; exactly one is needed");
        }
        return found.getFirst();
    }

    private static long number(List<Row> inForce, String parameter, YearMonth month) {
        return Long.parseLong(one(inForce, parameter, month).value());
    }

    private static Band band(Row row) {
        String[] parts = row.value().split("/");
        return new Band(parts[0].equals("-") ? null : Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
    }

    private static void requireBands(List<Band> bands, YearMonth month) {
        if (bands.isEmpty() || bands.getLast().upToVnd() != null) {
            throw new IllegalStateException("payroll rules: the tax scale in force on " + month.atDay(1)
                    + " must end with an open band");
        }
        long previous = 0;
        for (Band b : bands.subList(0, bands.size() - 1)) {
            if (b.upToVnd() == null || b.upToVnd() <= previous) {
                throw new IllegalStateException("payroll rules: tax bands in force on " + month.atDay(1)
                        + " must rise");
            }
            previous = b.upToVnd();
        }
    }
}
