package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import vn.cho40.vietqr.QrImages;
import vn.cho40.vietqr.Zbar;

/** The PDF's lookup QR, drawn as vector squares, scans as the lookup address (ZXing and zbarimg, from a page image). */
class EInvoicePdfTest {

    @Test
    void theDrawnQrScansAsTheLookupAddress() throws Exception {
        EReceiptAndCorrectionTest.keys();
        EDocument d = EInvoiceTest.rentAndElectricity();
        byte[] pdf = EInvoicePdf.render(EInvoiceTest.signed(d), "https://cho40.example/tra-cuu", "Đại Từ", true, null,
                "00BDD6525B75646655B654665B65466565");
        byte[] page;
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 150), "png", png);
            page = png.toByteArray();
        }
        String expected = "https://cho40.example/tra-cuu?ma=" + d.lookupCode();
        assertThat(QrImages.read(page)).contains(expected);
        assertThat(Zbar.decode(page)).isEqualTo(expected);
    }

    @Test
    void aDocumentKeptHereReadsInVietnameseOnly() throws Exception {
        EReceiptAndCorrectionTest.keys();
        EDocument d = EInvoiceTest.rentAndElectricity();
        byte[] pdf = EInvoicePdf.render(EInvoiceTest.signed(d), "https://cho40.example/tra-cuu", "Đại Từ", false);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Ký bởi: Đại Từ", "chưa gửi cơ quan thuế.",
                "Mã tra cứu: " + d.lookupCode() + " tại https://cho40.example/tra-cuu");
        assertThat(text).doesNotContainIgnoringCase("signed").doesNotContainIgnoringCase("lookup")
                .doesNotContainIgnoringCase("tax authority");
    }
}
