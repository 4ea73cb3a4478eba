package vn.cho40.payroll;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.cho40.market.Market;
import vn.cho40.shared.VnFormats;

/**
 * The month's payroll sheet (bảng thanh toán tiền lương) as a PDF to print and sign: A4 landscape, the board's
 * name, one row per line of the run with every step from the salary to the net pay and a column for the person's
 * signature, a totals row, and the signatures Vietnamese practice asks of a payroll sheet: who prepared it, the
 * chief accountant, and the head of the board (who also stamps it).
 */
@Component
class PayrollSheetPdf {

    private static final float SIZE = 7.5f;

    private final MessageSource messages;

    PayrollSheetPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] sheet(Market market, PayrollRun run, List<PayrollLine> lines, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(market.name().toUpperCase(locale), PdfParts.bold(9)));
        doc.add(PdfParts.centred(t(locale, "payroll.pdf.sheetTitle"), PdfParts.bold(13)));
        doc.add(PdfParts.centred(t(locale, "payroll.pdf.month", String.format("%02d", run.period().getMonthValue()),
                run.period().getYear()) + (run.kind().equals("ADJUSTMENT") ? " — " + t(locale, "payroll.pdf.adjustment")
                : ""), PdfParts.italic(9)));
        doc.add(PdfParts.centred(t(locale, "payroll.payslip.rules", run.rulesVersion()) + " · "
                + t(locale, "payroll.pdf.unit"), PdfParts.italic(8)));
        String[] headers = {"payroll.pdf.no", "payroll.staff.fullName", "payroll.staff.position", "payroll.run.days",
            "payroll.step.salary", "payroll.pdf.allowances", "payroll.step.addition", "payroll.step.gross",
            "payroll.pdf.social", "payroll.pdf.health", "payroll.pdf.unemployment", "payroll.step.incomeTax",
            "payroll.step.deduction", "payroll.step.net", "payroll.pdf.signature"};
        PdfPTable table = new PdfPTable(new float[] {2.2f, 11, 8, 3.6f, 7, 6, 5.5f, 7, 5.5f, 5, 5, 5.5f, 5.5f, 7, 6});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        Font head = PdfParts.bold(SIZE);
        for (String h : headers) {
            PdfPCell c = PdfParts.cell(t(locale, h), head, Element.ALIGN_CENTER);
            c.setGrayFill(0.9f);
            table.addCell(c);
        }
        Font text = PdfParts.text(SIZE);
        long[] totals = new long[9];
        int n = 0;
        for (PayrollLine l : lines) {
            PayCalculator.Result p = l.pay();
            long[] values = {p.salaryVnd(), p.taxableAllowanceVnd() + p.nonTaxableAllowanceVnd(), p.additionVnd(),
                p.grossVnd(), p.socialVnd(), p.healthVnd(), p.unemploymentVnd(), p.incomeTaxVnd(), p.deductionVnd()};
            table.addCell(PdfParts.cell(String.valueOf(++n), text, Element.ALIGN_CENTER));
            table.addCell(PdfParts.cell(l.fullName(), text, Element.ALIGN_LEFT));
            table.addCell(PdfParts.cell(l.position(), text, Element.ALIGN_LEFT));
            table.addCell(PdfParts.cell(l.workedDays() + "/" + l.workingDays(), text, Element.ALIGN_CENTER));
            for (int i = 0; i < values.length; i++) {
                table.addCell(PdfParts.amount(values[i], text));
                totals[i] += values[i];
            }
            table.addCell(PdfParts.amount(p.netVnd(), PdfParts.bold(SIZE)));
            table.addCell(PdfParts.cell("", text, Element.ALIGN_LEFT));
        }
        PdfPCell label = PdfParts.cell(t(locale, "payroll.total") + " (" + lines.size() + ")", head, Element.ALIGN_LEFT);
        label.setColspan(4);
        table.addCell(label);
        for (long v : totals) {
            table.addCell(PdfParts.amount(v, head));
        }
        table.addCell(PdfParts.amount(lines.stream().mapToLong(l -> l.pay().netVnd()).sum(), head));
        table.addCell(PdfParts.cell("", head, Element.ALIGN_LEFT));
        doc.add(table);
        long net = lines.stream().mapToLong(l -> l.pay().netVnd()).sum();
        doc.add(new Paragraph(t(locale, "payroll.pdf.netInWords", VnFormats.groupThousands(net),
                vn.cho40.shared.AmountInWords.invoice(net, vn.cho40.shared.AmountInWords.Style.NORTHERN)), PdfParts.italic(8)));
        PdfParts.signatures(doc, t(locale, "payroll.pdf.date", PdfParts.dateParts(VnFormats.businessDate(run.approvedAt()))),
                List.of(new String[] {t(locale, "payroll.pdf.preparer"), t(locale, "payroll.pdf.sign")},
                        new String[] {t(locale, "payroll.pdf.chiefAccountant"), t(locale, "payroll.pdf.sign")},
                        new String[] {t(locale, "payroll.pdf.head"), t(locale, "payroll.pdf.signStamp")}), 9);
        doc.close();
        return out.toByteArray();
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
