package vn.cho40.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.cho40.shared.AmountInWords;
import vn.cho40.shared.Money;
import vn.cho40.shared.PdfFonts;
import vn.cho40.shared.VnFormats;

/**
 * The printable notice a board hands a trader who owes fees: every unpaid bill of the stall with its due date and
 * days overdue, the total in figures and words, and the QR of the oldest bill to pay it from a banking app (each
 * bill keeps its own code). A5, Vietnamese. Pure: the caller gathers the bills.
 */
final class ArrearsNotice {

    /** The board, the place, and who the notice is for. */
    record Heading(String marketName, String address, String traderName, String stallCode) {
    }

    /** One stall's notice: whom it is for, their unpaid bills, and the QR of the oldest (null: none). */
    record Notice(Heading heading, List<Bills.View> open, byte[] qrPng) {
    }

    private ArrearsNotice() {
    }

    static byte[] pdf(Heading h, List<Bills.View> open, LocalDate today, byte[] qrPng) {
        return pdf(List.of(new Notice(h, open, qrPng)), today);
    }

    /** Many stalls' notices in one file to print at once, each on its own A5 page. */
    static byte[] pdf(List<Notice> notices, LocalDate today) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A5, 30, 30, 28, 28);
            PdfWriter.getInstance(doc, out);
            doc.open();
            for (Notice n : notices) {
                doc.newPage();
                page(doc, n.heading(), n.open(), today, n.qrPng());
            }
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(Document doc, Heading h, List<Bills.View> open, LocalDate today, byte[] qrPng)
            throws IOException {
        Font text = new Font(PdfFonts.regular(), 9);
        Font bold = new Font(PdfFonts.bold(), 9);
        Paragraph board = new Paragraph("BAN QUẢN LÝ " + h.marketName().toUpperCase(java.util.Locale.ROOT), bold);
        doc.add(board);
        if (h.address() != null && !h.address().isBlank()) {
            doc.add(new Paragraph(h.address(), text));
        }
        Paragraph title = new Paragraph("GIẤY BÁO NỢ PHÍ CHỢ", new Font(PdfFonts.bold(), 14));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(10);
        doc.add(title);
        Paragraph on = new Paragraph("Ngày " + VnFormats.date(today), text);
        on.setAlignment(Element.ALIGN_CENTER);
        doc.add(on);
        doc.add(new Paragraph("Kính gửi: " + h.traderName() + " — quầy " + h.stallCode(), bold));
        if (open.isEmpty()) {
            // A bill paid in full leaves nothing owed: say so, not a table that adds up to nothing.
            doc.add(new Paragraph("Đến ngày " + VnFormats.date(today)
                    + ", quầy đã nộp đủ mọi khoản phí; không còn khoản nào phải nộp.", text));
            return;
        }
        doc.add(new Paragraph("Ban quản lý chợ xin thông báo các khoản phí của quầy chưa thanh toán đến ngày "
                + VnFormats.date(today) + ":", text));
        PdfPTable table = new PdfPTable(new float[] {30, 13, 16, 13, 20});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        for (String head : List.of("Hóa đơn", "Kỳ", "Hạn nộp", "Quá hạn", "Còn phải nộp (₫)")) {
            table.addCell(cell(head, bold, Element.ALIGN_CENTER));
        }
        long total = 0;
        for (Bills.View b : open) {
            long late = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(b.dueOn(), today));
            table.addCell(cell(b.number(), text, Element.ALIGN_LEFT));
            BillingPeriod period = b.billingPeriod();
            table.addCell(cell(period.kind() == BillingPeriod.Kind.MONTH ? VnFormats.month(YearMonth.from(b.periodStart()))
                    : period.label(), text, Element.ALIGN_CENTER));
            table.addCell(cell(VnFormats.date(b.dueOn()), text, Element.ALIGN_CENTER));
            table.addCell(cell(late == 0 ? "" : late + " ngày", text, Element.ALIGN_RIGHT));
            table.addCell(cell(VnFormats.groupThousands(b.dueVnd()), text, Element.ALIGN_RIGHT));
            total += b.dueVnd();
        }
        PdfPCell sum = cell("Cộng", bold, Element.ALIGN_LEFT);
        sum.setColspan(4);
        table.addCell(sum);
        table.addCell(cell(VnFormats.groupThousands(total), bold, Element.ALIGN_RIGHT));
        doc.add(table);
        doc.add(new Paragraph("Tổng số tiền còn phải nộp: " + Money.vnd(total).format(), bold));
        doc.add(new Paragraph("Bằng chữ: " + AmountInWords.invoice(total, AmountInWords.Style.NORTHERN), text));
        if (qrPng != null && !open.isEmpty()) {
            Paragraph how = new Paragraph("Quét mã bằng ứng dụng ngân hàng hoặc ví để nộp hóa đơn "
                    + open.getFirst().number() + " (mã thanh toán " + open.getFirst().paymentCode()
                    + "); mỗi hóa đơn có mã riêng trong ứng dụng Chợ 4.0 của quầy, hoặc nộp tại bàn thu ngân.", text);
            how.setSpacingBefore(8);
            doc.add(how);
            Image qr = Image.getInstance(qrPng);
            qr.scaleToFit(120, 120);
            qr.setAlignment(Element.ALIGN_CENTER);
            doc.add(qr);
        }
        Paragraph sign = new Paragraph("BAN QUẢN LÝ CHỢ\n(ký, ghi rõ họ tên)", bold);
        sign.setAlignment(Element.ALIGN_RIGHT);
        sign.setSpacingBefore(10);
        doc.add(sign);
    }

    private static PdfPCell cell(String s, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(s, font));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }
}
