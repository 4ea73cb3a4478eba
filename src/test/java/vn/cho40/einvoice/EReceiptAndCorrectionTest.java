package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Receipts in their own structure and series, adjusting and replacing documents that point at the original. */
class EReceiptAndCorrectionTest {

    private static final EDocument.Party BOARD = new EDocument.Party("Ban quản lý chợ Đại Từ", "0100112437",
            "Thị trấn Hùng Sơn, Thái Nguyên");
    private static final EDocument.Party TRADER = new EDocument.Party("Nguyễn Thị Hoa", null, "Quầy A-1");

    static EDocument garbageFeeReceipt() {
        return new EDocument(ReceiptSeries.parse("01blp0-001", "ab-26e").orElseThrow(), 3, LocalDate.of(2026, 11, 30),
                "CK", BOARD, TRADER, List.of(new EDocument.Line("Phí vệ sinh tháng 11/2026", "khoản", 1000, 40_000,
                        40_000, null, "CLEANING")), "RCPT-0003-AB");
    }

    @org.junit.jupiter.api.BeforeAll
    static void keys() {
        if (EInvoiceTest.keys == null) {
            EInvoiceTest.keys();
        }
    }

    static byte[] signed(EDocument d) {
        Document doc = InvoiceXml.build(d);
        XmlSignatures.sign(doc, EInvoiceTest.keys.privateKey(), EInvoiceTest.keys.certificate(),
                Instant.parse("2026-11-30T03:00:00Z"));
        return InvoiceXml.bytes(doc);
    }

    @Test
    void receiptSeriesAreReadAsTheCircularWritesThem() {
        ReceiptSeries s = ReceiptSeries.parse(" 01BLP0-001", "AB-26E ").orElseThrow();
        assertThat(s.printed()).isEqualTo("01BLP0-001 AB-26E");
        assertThat(s.year()).isEqualTo(2026);
        assertThat(ReceiptSeries.parse("01BLP0-01", "AB-26E")).as("two-digit form number").isEmpty();
        assertThat(ReceiptSeries.parse("03BLP0-001", "AB-26E")).as("kind 03").isEmpty();
        assertThat(ReceiptSeries.parse("01BLP0-001", "AB-26P")).as("printed, not electronic").isEmpty();
        assertThat(ReceiptSeries.parse("01BLP0-001", "A1-26E")).isEmpty();
    }

    @Test
    void aReceiptHasItsOwnHeaderAndVerifies() {
        String xml = new String(signed(garbageFeeReceipt()), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml").contains("<BLai><DLBLai Id=\"data\"><TTChung><PBan>2.1.0</PBan>",
                "<THBLai>Biên lai thu phí, lệ phí</THBLai>", "<KHMSBLai>01BLP0-001</KHMSBLai>",
                "<KHBLai>AB-26E</KHBLai>", "<SBLai>3</SBLai>", "<NDBLai><NBan>", "<MHHDVu>CLEANING</MHHDVu>",
                "<TgTTTBSo>40000</TgTTTBSo>", "<TgTTTBChu>Bốn mươi nghìn đồng</TgTTTBChu>", "DSCKS><NBan><Signature")
                .doesNotContain("<HDon>", "<TSuat>");
        DocumentCheck.Result r = DocumentCheck.check(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).isEmpty();
        byte[] forged = xml.replace("<SBLai>3</SBLai>", "<SBLai>4</SBLai>").getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentCheck.check(forged).problems()).extracting(DocumentCheck.Problem::key)
                .containsExactly("einvoice.signature.invalid");
        byte[] badSeries = xml.replace("<KHBLai>AB-26E</KHBLai>", "<KHBLai>AB-26</KHBLai>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentCheck.check(badSeries).problems()).extracting(DocumentCheck.Problem::key)
                .contains("einvoice.check.receiptSeries");
        assertThat(EInvoicePdf.render(xml.getBytes(StandardCharsets.UTF_8), "http://x/tra-cuu", "Đại Từ", false))
                .startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anAdjustingDocumentTakesOffAndPointsAtTheOriginal() {
        EDocument.Related original = new EDocument.Related(EDocument.Correction.ADJUST, "1", "C26TAA", 12,
                LocalDate.of(2026, 11, 30), "Giảm 10 ngày nghỉ chợ");
        EDocument adjusting = new EDocument(InvoiceSeries.parse("1C26TAA").orElseThrow(), 40, LocalDate.of(2026, 12, 3),
                "CK", BOARD, TRADER, List.of(new EDocument.Line("Điều chỉnh giảm", "khoản", 1000, -100_000, -100_000,
                "8%", "RENT")), "ADJ0-0040-XX", original);
        String xml = new String(signed(adjusting), StandardCharsets.UTF_8);
        assertThat(xml).contains("<TTHDLQuan><TCHDon>2</TCHDon><LHDCLQuan>1</LHDCLQuan><KHMSHDCLQuan>1</KHMSHDCLQuan>"
                        + "<KHHDCLQuan>C26TAA</KHHDCLQuan><SHDCLQuan>12</SHDCLQuan><NLHDCLQuan>2026-11-30</NLHDCLQuan>",
                "<TgTTTBSo>-108000</TgTTTBSo>", "<TgTTTBChu>Âm một trăm linh tám nghìn đồng</TgTTTBChu>");
        assertThat(DocumentCheck.check(xml.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        // Only an adjusting document may take off: the same file as a replacement (TCHDon 1) is refused.
        Document asReplacement = InvoiceXml.build(new EDocument(adjusting.series(), 40, adjusting.issuedOn(), "CK",
                BOARD, TRADER, adjusting.lines(), "ADJ0-0040-XX", new EDocument.Related(EDocument.Correction.REPLACE,
                "1", "C26TAA", 12, LocalDate.of(2026, 11, 30), null)));
        XmlSignatures.sign(asReplacement, EInvoiceTest.keys.privateKey(), EInvoiceTest.keys.certificate(),
                Instant.parse("2026-12-03T03:00:00Z"));
        assertThat(DocumentCheck.check(InvoiceXml.bytes(asReplacement)).problems())
                .extracting(DocumentCheck.Problem::key).containsExactly("einvoice.check.negative");
        assertThatThrownBy(() -> new EDocument(adjusting.series(), 40, adjusting.issuedOn(), "CK", BOARD, TRADER,
                adjusting.lines(), "X")).as("a plain document never takes off")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EInvoicePdf.render(xml.getBytes(StandardCharsets.UTF_8), "http://x/tra-cuu", "Đại Từ", false,
                "ĐÃ HỦY", "00BDD6525B75646655B654665B65466565")).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void eachChargeGoesOnTheDocumentTheBoardSetForIt() {
        List<EDocument.Line> lines = List.of(
                new EDocument.Line("Giá thuê", "khoản", 1000, 100_000, 100_000, "8%", "RENT"),
                new EDocument.Line("Phí vệ sinh", "khoản", 1000, 20_000, 20_000, "8%", "CLEANING"),
                new EDocument.Line("Khác", "khoản", 1000, 5_000, 5_000, null));
        var parts = DocumentKinds.split(lines, Map.of("CLEANING", EInvoices.Kind.RECEIPT), EInvoices.Kind.INVOICE);
        assertThat(parts.keySet()).containsExactly(EInvoices.Kind.INVOICE, EInvoices.Kind.RECEIPT);
        assertThat(parts.get(EInvoices.Kind.INVOICE)).extracting(EDocument.Line::name).containsExactly("Giá thuê", "Khác");
        // A receipt states a fee as charged, without VAT.
        assertThat(parts.get(EInvoices.Kind.RECEIPT)).singleElement().satisfies(l -> {
            assertThat(l.amountVnd()).isEqualTo(21_600);
            assertThat(l.vatRate()).isNull();
        });
        assertThat(DocumentKinds.split(lines, Map.of(), EInvoices.Kind.INVOICE).keySet())
                .containsExactly(EInvoices.Kind.INVOICE);
    }

    @Test
    void anIndependentToolVerifiesAReceipt(@TempDir Path dir) throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/xmlsec1"));
        assertThat(present || System.getenv("CHO40_REQUIRE_BROWSER") == null).isTrue();
        assumeThat(present).isTrue();
        Path file = dir.resolve("receipt.xml");
        Files.write(file, signed(garbageFeeReceipt()));
        Path cert = dir.resolve("seller.pem");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(EInvoiceTest.keys.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        assertThat(xmlsec(file, cert)).isZero();
        Files.writeString(file, Files.readString(file).replace("<SBLai>3</SBLai>", "<SBLai>8</SBLai>"));
        assertThat(xmlsec(file, cert)).isNotZero();
    }

    private static int xmlsec(Path file, Path cert) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/xmlsec1", "--verify", "--id-attr:Id", "DLBLai",
                "--pubkey-cert-pem", cert.toString(), file.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(new ByteArrayOutputStream());
        return p.waitFor();
    }
}
