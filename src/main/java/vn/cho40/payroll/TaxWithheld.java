package vn.cho40.payroll;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Income tax withheld in a calendar year, read from every approved run (adjustments included), for the annual
 * finalisation and the withholding certificate: per person of a board, and month by month for one person. Taxable
 * income paid (thu nhập chịu thuế) is gross pay less the non-taxable allowances; income subject to tax (thu nhập tính
 * thuế) is what remains after insurance and the family deductions.
 */
@Component
class TaxWithheld {

    private final JdbcClient db;

    TaxWithheld(JdbcClient db) {
        this.db = db;
    }

    /** One person's year, or one of their months. */
    record Sum(UUID staffId, String fullName, String idLast4, YearMonth month, long grossVnd, long taxableIncomeVnd,
               long insuranceVnd, long familyDeductionVnd, long taxableVnd, long incomeTaxVnd, long netVnd) {
    }

    /** Every person paid by the board in the year, by name. */
    List<Sum> perPerson(UUID marketId, int year) {
        return db.sql("""
                SELECT s.id, s.full_name, s.id_last4, NULL::date AS period, """ + SUMS + """
                FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id JOIN payroll_staff s ON s.id = l.staff_id
                WHERE r.market_id = ? AND r.period >= make_date(?, 1, 1) AND r.period < make_date(?, 1, 1)
                GROUP BY s.id, s.full_name, s.id_last4 ORDER BY s.full_name, s.id""")
                .params(marketId, year, year + 1).query(TaxWithheld::map).list();
    }

    /** One person's months of the year, in order (a month with an adjusting run is one month). */
    List<Sum> months(UUID staffId, int year) {
        return db.sql("""
                SELECT s.id, s.full_name, s.id_last4, r.period, """ + SUMS + """
                FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id JOIN payroll_staff s ON s.id = l.staff_id
                WHERE l.staff_id = ? AND r.period >= make_date(?, 1, 1) AND r.period < make_date(?, 1, 1)
                GROUP BY s.id, s.full_name, s.id_last4, r.period ORDER BY r.period""")
                .params(staffId, year, year + 1).query(TaxWithheld::map).list();
    }

    /** The years in which the person was paid, newest first. */
    List<Integer> years(UUID staffId) {
        return db.sql("""
                SELECT DISTINCT extract(year FROM r.period)::int AS y FROM payroll_line l JOIN payroll_run r
                ON r.id = l.run_id WHERE l.staff_id = ? ORDER BY y DESC""").param(staffId).query(Integer.class).list();
    }

    static Sum total(List<Sum> sums) {
        long[] t = new long[7];
        for (Sum s : sums) {
            long[] v = {s.grossVnd(), s.taxableIncomeVnd(), s.insuranceVnd(), s.familyDeductionVnd(), s.taxableVnd(),
                s.incomeTaxVnd(), s.netVnd()};
            for (int i = 0; i < v.length; i++) {
                t[i] += v[i];
            }
        }
        return new Sum(null, null, null, null, t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }

    private static final String SUMS = """
            sum(l.gross_vnd) AS gross, sum(l.gross_vnd - l.non_taxable_allowance_vnd) AS taxable_income,
            sum(l.social_vnd + l.health_vnd + l.unemployment_vnd) AS insurance, sum(l.family_deduction_vnd) AS family,
            sum(l.taxable_vnd) AS taxable, sum(l.income_tax_vnd) AS tax, sum(l.net_vnd) AS net
            """;

    private static Sum map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.time.LocalDate period = rs.getObject("period", java.time.LocalDate.class);
        return new Sum(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                period == null ? null : YearMonth.from(period), rs.getLong("gross"), rs.getLong("taxable_income"),
                rs.getLong("insurance"), rs.getLong("family"), rs.getLong("taxable"), rs.getLong("tax"),
                rs.getLong("net"));
    }
}
