package vn.cho40.vietqr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Printable stall signs: one page per stall, A5 or A6, with the market and stall, the account holder as the
 * payer's app will show it, the bank or wallet, the code, a short verification code, and the warning to
 * check the name before paying. DejaVu Sans is embedded (Identity-H), so Vietnamese prints on any printer.
 */
public final class SignPdf {

    public enum Size { A5, A6 }

    /** What one sign shows. */
    public record Sign(String marketName, String stallCode, String holderName, String bankName, String payload,
                       String verificationCode, String verifyUrl) {
    }


    private SignPdf() {
    }

    public static byte[] render(List<Sign> signs, Size size) {
        if (signs.isEmpty()) {
            throw new VietQrException("signs", "no sign to print: the market has no stall with a receiving account");
        }
        Rectangle page = size == Size.A5 ? PageSize.A5 : PageSize.A6;
        float scale = size == Size.A5 ? 1f : 0.7f;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(page, 24 * scale, 24 * scale, 20 * scale, 20 * scale);
            PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont regular = vn.cho40.shared.PdfFonts.regular();
            BaseFont bold = vn.cho40.shared.PdfFonts.bold();
            boolean first = true;
            for (Sign s : signs) {
                if (!first) {
                    doc.newPage();
                }
                first = false;
                page(doc, s, new Font(regular, 11 * scale), new Font(bold, 20 * scale), new Font(bold, 14 * scale),
                        page.getWidth() - 48 * scale, scale);
            }
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(Document doc, Sign s, Font text, Font title, Font strong, float width, float scale)
            throws IOException {
        doc.add(centered(s.marketName(), strong));
        doc.add(centered("Quầy " + s.stallCode(), title));
        Image qr = Image.getInstance(QrImages.png(s.payload(), 600));
        float side = Math.min(width, 300 * scale);
        qr.scaleAbsolute(side, side);
        qr.setAlignment(Element.ALIGN_CENTER);
        doc.add(qr);
        doc.add(centered(s.holderName(), title));
        doc.add(centered(s.bankName(), strong));
        Paragraph warning = centered("Trước khi chuyển tiền, kiểm tra tên người nhận trên ứng dụng là "
                + s.holderName() + ". Tên khác là mã giả: đừng chuyển, báo ban quản lý chợ.", text);
        warning.setSpacingBefore(6 * scale);
        doc.add(warning);
        doc.add(centered("Mã kiểm tra: " + s.verificationCode() + " · " + s.verifyUrl(), text));
    }

    private static Paragraph centered(String content, Font font) {
        Paragraph p = new Paragraph(content, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }
}
