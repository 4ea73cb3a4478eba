package vn.cho40.payroll;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.cho40.market.Market;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;

/** The payslip (PDF, Vietnamese fonts embedded) and the month's payroll sheet (bảng lương, XLSX). */
@Component
class PayrollDocuments {

    private final MessageSource messages;

    PayrollDocuments(MessageSource messages) {
        this.messages = messages;
    }

    /** Every step of one person's pay, in the reader's language. */
    byte[] payslip(Market market, PayrollRun run, PayrollLine line, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A5, 28, 28, 28, 28);
        PdfWriter.getInstance(doc, out);
        doc.open();
        {
            BaseFont regular = vn.cho40.shared.PdfFonts.regular();
            BaseFont boldFont = vn.cho40.shared.PdfFonts.bold();
            Font text = new Font(regular, 9);
            Font bold = new Font(boldFont, 9);
            doc.add(new Paragraph(market.name(), bold));
            doc.add(new Paragraph(t(locale, "payroll.payslip.title", run.period().getMonthValue() + "/"
                    + run.period().getYear()), new Font(boldFont, 13)));
            doc.add(new Paragraph(line.fullName() + " — " + line.position(), bold));
            doc.add(new Paragraph(t(locale, "payroll.payslip.days", line.workedDays(), line.workingDays())
                    + "  ·  " + t(locale, "payroll.payslip.rules", run.rulesVersion()), text));
            String proration = proration(line, locale);
            if (proration != null) {
                doc.add(new Paragraph(proration, text));
            }
            PdfPTable table = new PdfPTable(new float[] {3, 1.4f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            PayCalculator.Result p = line.pay();
            for (Object[] step : steps(p)) {
                boolean strong = (Boolean) step[2];
                table.addCell(cell(t(locale, (String) step[0]), strong ? bold : text, Element.ALIGN_LEFT));
                table.addCell(cell(VnFormats.groupThousands((Long) step[1]) + " ₫", strong ? bold : text,
                        Element.ALIGN_RIGHT));
            }
            doc.add(table);
            doc.add(new Paragraph(t(locale, "payroll.payslip.transfer", line.transferRef(), "•••• " + line.accountLast4()),
                    text));
        }
        doc.close();
        return out.toByteArray();
    }

    /**
     * How the days worked became the salary line, when they are fewer than the month's working days: "contract
     * salary × days worked / working days = salary", and where the days came from (the board's attendance record or
     * the employment dates). Allowances are prorated the same way. Null on a full month or an adjusting line.
     */
    String proration(PayrollLine line, Locale locale) {
        if (line.contractSalaryVnd() == null || line.workedDays() >= line.workingDays()) {
            return null;
        }
        return t(locale, line.daysRecorded() ? "payroll.payslip.prorateRecorded" : "payroll.payslip.prorateDates",
                VnFormats.groupThousands(line.contractSalaryVnd()) + " ₫", line.workedDays(), line.workingDays(),
                VnFormats.groupThousands(line.pay().salaryVnd()) + " ₫");
    }

    /** The payslip's steps: message key, amount, emphasised. */
    static List<Object[]> steps(PayCalculator.Result p) {
        List<Object[]> s = new ArrayList<>();
        s.add(new Object[] {"payroll.step.salary", p.salaryVnd(), false});
        s.add(new Object[] {"payroll.step.taxableAllowance", p.taxableAllowanceVnd(), false});
        s.add(new Object[] {"payroll.step.nonTaxableAllowance", p.nonTaxableAllowanceVnd(), false});
        s.add(new Object[] {"payroll.step.addition", p.additionVnd(), false});
        s.add(new Object[] {"payroll.step.gross", p.grossVnd(), true});
        s.add(new Object[] {"payroll.step.insuranceBase", p.insuranceBaseVnd(), false});
        s.add(new Object[] {"payroll.step.social", p.socialVnd(), false});
        s.add(new Object[] {"payroll.step.health", p.healthVnd(), false});
        s.add(new Object[] {"payroll.step.unemployment", p.unemploymentVnd(), false});
        s.add(new Object[] {"payroll.step.familyDeduction", p.familyDeductionVnd(), false});
        s.add(new Object[] {"payroll.step.taxable", p.taxableVnd(), false});
        s.add(new Object[] {"payroll.step.incomeTax", p.incomeTaxVnd(), false});
        s.add(new Object[] {"payroll.step.deduction", p.deductionVnd(), false});
        s.add(new Object[] {"payroll.step.net", p.netVnd(), true});
        s.add(new Object[] {"payroll.step.employerContributions", p.employerInsuranceVnd(), false});
        s.add(new Object[] {"payroll.step.employerCost", p.employerCostVnd(), false});
        return s;
    }

    /** The month's payroll sheet: one row per person with every step, and the totals. */
    byte[] sheet(Market market, PayrollRun run, List<PayrollLine> lines, Locale locale) {
        List<XlsxTable.Column> columns = new ArrayList<>();
        columns.add(new XlsxTable.Column(t(locale, "payroll.staff.fullName"), XlsxTable.Kind.TEXT, 28));
        columns.add(new XlsxTable.Column(t(locale, "payroll.staff.position"), XlsxTable.Kind.TEXT, 18));
        columns.add(new XlsxTable.Column(t(locale, "payroll.run.days"), XlsxTable.Kind.COUNT, 8));
        for (Object[] step : steps(new PayCalculator.Result("", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))) {
            columns.add(new XlsxTable.Column(t(locale, (String) step[0]), XlsxTable.Kind.COUNT, 14));
        }
        columns.add(new XlsxTable.Column(t(locale, "payroll.line.status"), XlsxTable.Kind.TEXT, 12));
        try (XlsxTable table = new XlsxTable("Bang luong", columns)) {
            table.line(t(locale, "payroll.sheet.title", market.name(), run.period().getMonthValue() + "/"
                    + run.period().getYear()), true);
            table.line(t(locale, "payroll.payslip.rules", run.rulesVersion()), false);
            table.header();
            long[] totals = new long[16];
            for (PayrollLine l : lines) {
                List<Object> row = new ArrayList<>(List.of(l.fullName(), l.position(), (long) l.workedDays()));
                int i = 0;
                for (Object[] step : steps(l.pay())) {
                    row.add(step[1]);
                    totals[i++] += (Long) step[1];
                }
                row.add(t(locale, "payroll.status." + l.status()));
                table.row(row.toArray());
            }
            List<Object> total = new ArrayList<>(List.of(t(locale, "payroll.total"), "", (long) lines.size()));
            for (long v : totals) {
                total.add(v);
            }
            total.add("");
            table.total(total.toArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            table.writeTo(out);
            return out.toByteArray();
        }
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static PdfPCell cell(String s, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s, f));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }

}
