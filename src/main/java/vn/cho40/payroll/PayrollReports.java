package vn.cho40.payroll;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.market.Market;
import vn.cho40.shared.XlsxTable;

/**
 * A board's yearly payroll reports as XLSX: income tax withheld per person (for the annual finalisation) and the
 * insurance contributions per month (employee and employer shares). Both add up every approved run, adjustments
 * included.
 */
@Component
class PayrollReports {

    private final JdbcClient db;
    private final TaxWithheld taxes;
    private final MessageSource messages;

    PayrollReports(JdbcClient db, TaxWithheld taxes, MessageSource messages) {
        this.db = db;
        this.taxes = taxes;
        this.messages = messages;
    }

    /** Income tax withheld per person, the same sums as the PDF and the certificates (TaxWithheld). */
    byte[] taxWithheld(Market market, int year, Locale locale) {
        List<Object[]> rows = taxes.perPerson(market.id(), year).stream().map(s -> new Object[] {s.fullName(),
            "•••• " + s.idLast4(), s.grossVnd(), s.taxableIncomeVnd(), s.insuranceVnd(), s.familyDeductionVnd(),
            s.taxableVnd(), s.incomeTaxVnd(), s.netVnd()}).toList();
        return table(t(locale, "payroll.report.tax.title", market.name(), year), List.of(
                text(t(locale, "payroll.staff.fullName"), 28), text(t(locale, "payroll.staff.idNumber"), 12),
                number(t(locale, "payroll.step.gross")), number(t(locale, "payroll.tax.taxableIncome")),
                number(t(locale, "payroll.step.insurance")), number(t(locale, "payroll.step.familyDeduction")),
                number(t(locale, "payroll.step.taxable")), number(t(locale, "payroll.step.incomeTax")),
                number(t(locale, "payroll.step.net"))), rows);
    }

    byte[] insurance(Market market, int year, Locale locale) {
        List<Object[]> rows = db.sql("""
                SELECT to_char(r.period, 'MM/YYYY'), count(DISTINCT l.staff_id), sum(l.insurance_base_vnd),
                       sum(l.social_vnd), sum(l.health_vnd), sum(l.unemployment_vnd), sum(l.employer_social_vnd),
                       sum(l.employer_health_vnd), sum(l.employer_unemployment_vnd), sum(l.employer_union_fee_vnd)
                FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id
                WHERE r.market_id = ? AND r.period >= make_date(?, 1, 1) AND r.period < make_date(?, 1, 1)
                GROUP BY r.period ORDER BY r.period""")
                .params(market.id(), year, year + 1)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)}).list();
        return table(t(locale, "payroll.report.insurance.title", market.name(), year), List.of(
                text(t(locale, "payroll.run.period"), 10), number(t(locale, "payroll.run.people")),
                number(t(locale, "payroll.step.insuranceBase")), number(t(locale, "payroll.step.social")),
                number(t(locale, "payroll.step.health")), number(t(locale, "payroll.step.unemployment")),
                number(t(locale, "payroll.report.employerSocial")), number(t(locale, "payroll.report.employerHealth")),
                number(t(locale, "payroll.report.employerUnemployment")), number(t(locale, "payroll.report.unionFee"))),
                rows);
    }

    private static byte[] table(String title, List<XlsxTable.Column> columns, List<Object[]> rows) {
        try (XlsxTable table = new XlsxTable("Bao cao", columns)) {
            table.line(title, true);
            table.header();
            long[] totals = new long[columns.size()];
            for (Object[] row : rows) {
                table.row(row);
                for (int i = 0; i < row.length; i++) {
                    if (row[i] instanceof Long v) {
                        totals[i] += v;
                    }
                }
            }
            List<Object> total = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                total.add(i == 0 ? "Σ" : columns.get(i).kind() == XlsxTable.Kind.COUNT ? (Object) totals[i] : "");
            }
            table.total(total.toArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            table.writeTo(out);
            return out.toByteArray();
        }
    }

    private static XlsxTable.Column text(String header, int width) {
        return new XlsxTable.Column(header, XlsxTable.Kind.TEXT, width);
    }

    private static XlsxTable.Column number(String header) {
        return new XlsxTable.Column(header, XlsxTable.Kind.COUNT, 14);
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
