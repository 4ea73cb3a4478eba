package vn.cho40.payroll;

import java.time.LocalDate;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import vn.cho40.shared.PdfFonts;
import vn.cho40.shared.VnFormats;

/**
 * The pieces the payroll's printed documents share: the embedded Vietnamese fonts (shared PdfFonts), table cells,
 * amounts written as "50.000" (the column header says ₫), and the signature row that closes a Vietnamese accounting
 * document: the place and date on the right, then one block per signer with the role in bold and "(Ký, họ tên)"
 * under it, room left for the signature.
 */
final class PdfParts {

    private PdfParts() {
    }

    static Font text(float size) {
        return new Font(PdfFonts.regular(), size);
    }

    static Font bold(float size) {
        return new Font(PdfFonts.bold(), size);
    }

    static Font italic(float size) {
        return new Font(PdfFonts.regular(), size, Font.ITALIC);
    }

    static PdfPCell cell(String s, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s == null ? "" : s, f));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3);
        return c;
    }

    static PdfPCell amount(long vnd, Font f) {
        return cell(VnFormats.groupThousands(vnd), f, Element.ALIGN_RIGHT);
    }

    static Paragraph centred(String s, Font f) {
        Paragraph p = new Paragraph(s, f);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    /**
     * "Ngày dd tháng MM năm yyyy" on the right, then the signers side by side.
     *
     * @param dateLine the date line, already in the reader's language
     * @param signers  each signer's role and the hint under it ("(Ký, họ tên)")
     */
    static void signatures(Document doc, String dateLine, List<String[]> signers, float size) {
        PdfPTable table = new PdfPTable(signers.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        table.setKeepTogether(true);
        for (int i = 0; i < signers.size(); i++) {
            PdfPCell date = cell(i == signers.size() - 1 ? dateLine : "", italic(size), Element.ALIGN_CENTER);
            date.setBorder(Rectangle.NO_BORDER);
            table.addCell(date);
        }
        for (String[] s : signers) {
            Paragraph p = centred(s[0], bold(size));
            p.add(new Phrase("\n" + s[1], italic(size - 1)));
            PdfPCell c = new PdfPCell();
            c.addElement(p);
            c.setBorder(Rectangle.NO_BORDER);
            c.setMinimumHeight(70);
            table.addCell(c);
        }
        doc.add(table);
    }

    /** Day and month as two digits, the year as a number: the arguments of payroll.pdf.date. */
    static Object[] dateParts(LocalDate day) {
        return new Object[] {String.format("%02d", day.getDayOfMonth()), String.format("%02d", day.getMonthValue()),
            day.getYear()};
    }
}
