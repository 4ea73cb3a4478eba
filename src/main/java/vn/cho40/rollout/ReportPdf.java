package vn.cho40.rollout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
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
import vn.cho40.shared.VnFormats;

/** The report as an A4 PDF with its fonts embedded, so Vietnamese prints the same on any machine. */
final class ReportPdf {

    private ReportPdf() {
    }

    static byte[] write(MonthlyReport r, Function<String, String> label) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4, 42, 36, 36, 36);
            PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont regular = vn.cho40.shared.PdfFonts.regular();
            BaseFont boldBase = vn.cho40.shared.PdfFonts.bold();
            Font text = new Font(regular, 9);
            Font bold = new Font(boldBase, 9);
            PdfPTable head = new PdfPTable(2);
            head.setWidthPercentage(100);
            head.addCell(plain(ReportHeading.authority(r) + "\n" + r.agency().toUpperCase(java.util.Locale.ROOT), bold,
                    Element.ALIGN_CENTER));
            head.addCell(plain(ReportHeading.motto() + "\n" + ReportHeading.mottoLine2(), bold, Element.ALIGN_CENTER));
            head.addCell(plain(ReportHeading.number(r) + "\n" + ReportHeading.about(r), text, Element.ALIGN_CENTER));
            head.addCell(plain(ReportHeading.placeAndDate(r), new Font(regular, 9, Font.ITALIC), Element.ALIGN_CENTER));
            doc.add(head);
            doc.add(centered(ReportHeading.title(), new Font(boldBase, 14)));
            doc.add(centered(r.subject(), bold));
            doc.add(centered(r.frozenNote(), new Font(regular, 8)));
            int part = 0; // sections numbered I, II... in the order they appear (a commune has no targets)
            if (!r.targets().isEmpty()) {
                doc.add(section(ReportHeading.part(++part) + ". " + label.apply("rollout.report.targets"), bold));
                PdfPTable t = table(new float[] {16, 30, 10, 12, 12, 20});
                header(t, bold, label.apply("rollout.plan"), label.apply("rollout.target.indicator"),
                        label.apply("rollout.target.value"), label.apply("rollout.target.deadline"),
                        label.apply("rollout.target.actual"), label.apply("rollout.target.status"));
                for (MonthlyReport.TargetLine l : r.targets()) {
                    t.addCell(cell(l.plan(), text, Element.ALIGN_LEFT));
                    t.addCell(cell(l.indicator(), text, Element.ALIGN_LEFT));
                    t.addCell(cell(l.target(), text, Element.ALIGN_RIGHT));
                    t.addCell(cell(l.deadline(), text, Element.ALIGN_CENTER));
                    t.addCell(cell(l.actual(), text, Element.ALIGN_RIGHT));
                    t.addCell(cell(l.status(), text, Element.ALIGN_LEFT));
                }
                doc.add(t);
            }
            doc.add(section(ReportHeading.part(++part) + ". " + label.apply("rollout.report.results"), bold));
            PdfPTable s = table(new float[] {55, 45});
            for (MonthlyReport.Line l : r.summary()) {
                s.addCell(cell(l.label(), text, Element.ALIGN_LEFT));
                s.addCell(cell(l.value(), text, Element.ALIGN_RIGHT));
            }
            doc.add(s);
            doc.add(section(ReportHeading.part(++part) + ". " + label.apply("rollout.report.byUnit") + ": " + r.unitHeader(), bold));
            PdfPTable u = table(new float[] {26, 9, 10, 10, 9, 10, 11, 15});
            header(u, bold, r.unitHeader(), label.apply("rollout.col.live"), label.apply("rollout.report.traders"),
                    label.apply("rollout.col.withQr"), "%", label.apply("rollout.col.active"),
                    label.apply("rollout.col.count"), label.apply("rollout.report.valueVnd"));
            for (MonthlyReport.UnitLine l : r.units()) {
                u.addCell(cell(l.name(), text, Element.ALIGN_LEFT));
                u.addCell(cell(l.markets(), text, Element.ALIGN_CENTER));
                u.addCell(cell(VnFormats.groupThousands(l.traders()), text, Element.ALIGN_RIGHT));
                u.addCell(cell(VnFormats.groupThousands(l.withQr()), text, Element.ALIGN_RIGHT));
                u.addCell(cell(l.qrShare(), text, Element.ALIGN_RIGHT));
                u.addCell(cell(VnFormats.groupThousands(l.active()), text, Element.ALIGN_RIGHT));
                u.addCell(cell(VnFormats.groupThousands(l.paymentsCount()), text, Element.ALIGN_RIGHT));
                u.addCell(cell(VnFormats.groupThousands(l.paymentsValue()), text, Element.ALIGN_RIGHT));
            }
            doc.add(u);
            if (!r.reported().isEmpty()) {
                doc.add(section(ReportHeading.part(++part) + ". " + label.apply("rollout.reported"), bold));
                for (MonthlyReport.Line l : r.reported()) {
                    doc.add(new Paragraph("– " + l.label() + ": " + l.value(), text));
                }
            }
            if (r.notes() != null) {
                doc.add(section(label.apply("rollout.report.notes"), bold));
                doc.add(new Paragraph(r.notes(), text));
            }
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        return t;
    }

    private static void header(PdfPTable t, Font bold, String... texts) {
        for (String s : texts) {
            t.addCell(cell(s, bold, Element.ALIGN_CENTER));
        }
        t.setHeaderRows(1);
    }

    private static Paragraph section(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setSpacingBefore(10);
        return p;
    }

    private static Paragraph centered(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(4);
        return p;
    }

    private static PdfPCell plain(String s, Font f, int align) {
        PdfPCell c = cell(s, f, align);
        c.setBorder(0);
        return c;
    }

    private static PdfPCell cell(String s, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s == null ? "" : s, f));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }

}
