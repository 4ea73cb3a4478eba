package vn.cho40.payroll;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
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

/**
 * Income tax withheld, printed: the board's yearly report (one row per person, for the annual finalisation) and one
 * person's withholding certificate (chứng từ khấu trừ thuế TNCN: payer, taxpayer, the months, taxable income and tax
 * withheld). The certificate is the printed counterpart the person keeps; the electronic certificate the law asks
 * for is issued through the e-invoice provider (WAVE2_RESEARCH §1.5), which the note on it says.
 */
@Component
class TaxPdfs {

    private final MessageSource messages;

    TaxPdfs(MessageSource messages) {
        this.messages = messages;
    }

    byte[] report(Market market, int year, List<TaxWithheld.Sum> people, LocalDate madeOn, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new Paragraph(market.name().toUpperCase(locale), PdfParts.bold(9)));
        doc.add(PdfParts.centred(t(locale, "payroll.tax.reportTitle"), PdfParts.bold(13)));
        doc.add(PdfParts.centred(t(locale, "payroll.tax.year", year) + " · " + t(locale, "payroll.pdf.unit"),
                PdfParts.italic(9)));
        String[] headers = {"payroll.pdf.no", "payroll.staff.fullName", "payroll.staff.idNumber", "payroll.step.gross",
            "payroll.tax.taxableIncome", "payroll.step.insurance", "payroll.step.familyDeduction",
            "payroll.step.taxable", "payroll.tax.withheld"};
        PdfPTable table = new PdfPTable(new float[] {2.5f, 12, 5, 7, 7, 7, 7, 7, 7});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        Font head = PdfParts.bold(8);
        Font text = PdfParts.text(8);
        for (String h : headers) {
            PdfPCell c = PdfParts.cell(t(locale, h), head, Element.ALIGN_CENTER);
            c.setGrayFill(0.9f);
            table.addCell(c);
        }
        int n = 0;
        for (TaxWithheld.Sum s : people) {
            table.addCell(PdfParts.cell(String.valueOf(++n), text, Element.ALIGN_CENTER));
            table.addCell(PdfParts.cell(s.fullName(), text, Element.ALIGN_LEFT));
            table.addCell(PdfParts.cell("•••• " + s.idLast4(), text, Element.ALIGN_CENTER));
            amounts(table, s, text);
        }
        PdfPCell label = PdfParts.cell(t(locale, "payroll.total") + " (" + people.size() + ")", head, Element.ALIGN_LEFT);
        label.setColspan(3);
        table.addCell(label);
        amounts(table, TaxWithheld.total(people), head);
        doc.add(table);
        PdfParts.signatures(doc, t(locale, "payroll.pdf.date", PdfParts.dateParts(madeOn)), List.of(
                new String[] {t(locale, "payroll.pdf.preparer"), t(locale, "payroll.pdf.sign")},
                new String[] {t(locale, "payroll.pdf.chiefAccountant"), t(locale, "payroll.pdf.sign")},
                new String[] {t(locale, "payroll.pdf.head"), t(locale, "payroll.pdf.signStamp")}), 9);
        doc.close();
        return out.toByteArray();
    }

    /**
     * @param idShown the taxpayer's CCCD as the reader may see it: in full only after an audited reveal, else masked
     */
    byte[] certificate(Market market, int year, String fullName, String idShown, List<TaxWithheld.Sum> months,
                       LocalDate madeOn, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font text = PdfParts.text(10);
        Font bold = PdfParts.bold(10);
        doc.add(PdfParts.centred(t(locale, "payroll.tax.certificateTitle"), PdfParts.bold(14)));
        doc.add(PdfParts.centred(t(locale, "payroll.tax.year", year), PdfParts.italic(10)));
        doc.add(new Paragraph(t(locale, "payroll.tax.payer"), bold));
        doc.add(new Paragraph(t(locale, "payroll.tax.payerName", market.name()), text));
        doc.add(new Paragraph(t(locale, "payroll.tax.payerTaxCode"), text));
        doc.add(new Paragraph(t(locale, "payroll.tax.payerAddress", market.address() == null ? "" : market.address()),
                text));
        doc.add(new Paragraph(t(locale, "payroll.tax.taxpayer"), bold));
        doc.add(new Paragraph(t(locale, "payroll.tax.taxpayerName", fullName), text));
        doc.add(new Paragraph(t(locale, "payroll.tax.taxpayerId", idShown), text));
        doc.add(new Paragraph(t(locale, "payroll.tax.withholding"), bold));
        TaxWithheld.Sum total = TaxWithheld.total(months);
        String from = months.isEmpty() ? "" : String.format("%02d", months.getFirst().month().getMonthValue());
        String to = months.isEmpty() ? "" : String.format("%02d", months.getLast().month().getMonthValue());
        doc.add(new Paragraph(t(locale, "payroll.tax.kind"), text));
        doc.add(new Paragraph(t(locale, "payroll.tax.period", from, to, year), text));
        PdfPTable table = new PdfPTable(new float[] {3, 5, 5, 5, 5, 5});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        Font head = PdfParts.bold(8.5f);
        Font cells = PdfParts.text(8.5f);
        for (String h : new String[] {"payroll.run.period", "payroll.tax.taxableIncome", "payroll.step.insurance",
            "payroll.step.familyDeduction", "payroll.step.taxable", "payroll.tax.withheld"}) {
            PdfPCell c = PdfParts.cell(t(locale, h), head, Element.ALIGN_CENTER);
            c.setGrayFill(0.9f);
            table.addCell(c);
        }
        for (TaxWithheld.Sum m : months) {
            table.addCell(PdfParts.cell(vn.cho40.shared.VnFormats.month(m.month()), cells,
                    Element.ALIGN_CENTER));
            row(table, m, cells);
        }
        table.addCell(PdfParts.cell(t(locale, "payroll.total"), head, Element.ALIGN_LEFT));
        row(table, total, head);
        doc.add(table);
        doc.add(new Paragraph(t(locale, "payroll.tax.totalTaxable", vn.cho40.shared.VnFormats.groupThousands(
                total.taxableIncomeVnd())), bold));
        doc.add(new Paragraph(t(locale, "payroll.tax.totalSubject", vn.cho40.shared.VnFormats.groupThousands(
                total.taxableVnd())), bold));
        doc.add(new Paragraph(t(locale, "payroll.tax.totalWithheld", vn.cho40.shared.VnFormats.groupThousands(
                total.incomeTaxVnd())), bold));
        List<String[]> signer = List.<String[]>of(new String[] {t(locale, "payroll.tax.payerSigner"),
            t(locale, "payroll.pdf.signStamp")});
        PdfParts.signatures(doc, t(locale, "payroll.pdf.date", PdfParts.dateParts(madeOn)), signer, 10);
        doc.add(new Paragraph(t(locale, "payroll.tax.note"), PdfParts.italic(8)));
        doc.close();
        return out.toByteArray();
    }

    private static void amounts(PdfPTable table, TaxWithheld.Sum s, Font f) {
        for (long v : new long[] {s.grossVnd(), s.taxableIncomeVnd(), s.insuranceVnd(), s.familyDeductionVnd(),
            s.taxableVnd(), s.incomeTaxVnd()}) {
            table.addCell(PdfParts.amount(v, f));
        }
    }

    private static void row(PdfPTable table, TaxWithheld.Sum s, Font f) {
        for (long v : new long[] {s.taxableIncomeVnd(), s.insuranceVnd(), s.familyDeductionVnd(), s.taxableVnd(),
            s.incomeTaxVnd()}) {
            table.addCell(PdfParts.amount(v, f));
        }
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
