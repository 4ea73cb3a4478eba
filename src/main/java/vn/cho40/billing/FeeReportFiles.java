package vn.cho40.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.cho40.shared.PdfFonts;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;
import vn.cho40.shared.XlsxTable.Column;
import vn.cho40.shared.XlsxTable.Kind;

/** The fee report's files: the same columns in an XLSX sheet (numbers as numbers) and a landscape A4 PDF. */
final class FeeReportFiles {

    static final List<Column> COLUMNS = List.of(new Column("Mã", Kind.TEXT, 14), new Column("Tên", Kind.TEXT, 28),
            new Column("Số hóa đơn", Kind.COUNT, 10), new Column("Phải thu (đồng)", Kind.COUNT, 16),
            new Column("Miễn giảm", Kind.COUNT, 12), new Column("Thu chuyển khoản", Kind.COUNT, 16),
            new Column("Thu tiền mặt", Kind.COUNT, 14), new Column("Trừ tiền trả trước", Kind.COUNT, 14),
            new Column("Còn nợ", Kind.COUNT, 14), new Column("Tỷ lệ không tiền mặt theo tiền (%)", Kind.DECIMAL, 14),
            new Column("Tỷ lệ không tiền mặt theo lượt (%)", Kind.DECIMAL, 14));

    private FeeReportFiles() {
    }

    static String heading(FeeReportPages.Report r) {
        return "BÁO CÁO THU PHÍ CHỢ THÁNG " + r.month().getMonthValue() + "/" + r.month().getYear()
                + (r.title() == null ? "" : " — " + r.title().toUpperCase(java.util.Locale.ROOT));
    }

    static void fill(XlsxTable table, FeeReportPages.Report r, LocalDate madeOn) {
        table.line(heading(r), true);
        table.line((r.market() == null ? "Theo chợ" : "Theo quầy") + ". Lập ngày " + VnFormats.date(madeOn)
                + ". Tỷ lệ không tiền mặt = thu chuyển khoản / (thu chuyển khoản + thu tiền mặt).", false);
        table.blankLine();
        table.header();
        for (FeeReports.Row x : r.rows()) {
            table.row(values(x));
        }
        Object[] total = values(r.total());
        total[0] = "";
        total[1] = "Cộng";
        table.total(total);
    }

    private static Object[] values(FeeReports.Row x) {
        return new Object[] {x.code(), x.label(), x.bills(), x.billedVnd(), x.waivedVnd(), x.transferVnd(), x.cashVnd(),
                x.creditVnd(), x.outstandingVnd(), percent(x.cashlessShareByAmount()), percent(x.cashlessShareByCount())};
    }

    private static java.math.BigDecimal percent(Integer perMille) {
        return perMille == null ? null : java.math.BigDecimal.valueOf(perMille, 1);
    }

    static byte[] pdf(FeeReportPages.Report r, LocalDate madeOn) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
            PdfWriter.getInstance(doc, out);
            doc.open();
            Font text = new Font(PdfFonts.regular(), 8);
            Font bold = new Font(PdfFonts.bold(), 8);
            doc.add(new Paragraph(heading(r), new Font(PdfFonts.bold(), 12)));
            doc.add(new Paragraph("Lập ngày " + VnFormats.date(madeOn) + ". Tỷ lệ không tiền mặt = thu chuyển khoản / "
                    + "(thu chuyển khoản + thu tiền mặt).", text));
            PdfPTable table = new PdfPTable(new float[] {13, 19, 6, 12, 10, 12, 11, 10, 12, 8, 8});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            for (Column c : COLUMNS) {
                table.addCell(cell(c.header(), bold, Element.ALIGN_CENTER));
            }
            List<FeeReports.Row> all = new ArrayList<>(r.rows());
            for (FeeReports.Row x : all) {
                row(table, x, x.code(), x.label(), text);
            }
            row(table, r.total(), "", "Cộng", bold);
            doc.add(table);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(PdfPTable table, FeeReports.Row x, String code, String label, Font f) {
        table.addCell(cell(code, f, Element.ALIGN_LEFT));
        table.addCell(cell(label == null ? "" : label, f, Element.ALIGN_LEFT));
        table.addCell(cell(VnFormats.groupThousands(x.bills()), f, Element.ALIGN_RIGHT));
        for (long v : new long[] {x.billedVnd(), x.waivedVnd(), x.transferVnd(), x.cashVnd(), x.creditVnd(),
                x.outstandingVnd()}) {
            table.addCell(cell(VnFormats.groupThousands(v), f, Element.ALIGN_RIGHT));
        }
        table.addCell(cell(share(x.cashlessShareByAmount()), f, Element.ALIGN_RIGHT));
        table.addCell(cell(share(x.cashlessShareByCount()), f, Element.ALIGN_RIGHT));
    }

    static String share(Integer perMille) {
        return perMille == null ? "—" : (perMille / 10) + "," + (perMille % 10) + " %";
    }

    private static PdfPCell cell(String s, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s, font));
        c.setHorizontalAlignment(align);
        c.setPadding(2);
        return c;
    }
}
