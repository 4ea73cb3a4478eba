package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** An invoice from its lines to a signed file, checked here and by an independent tool (xmlsec1). */
class EInvoiceTest {

    static SigningKeys keys;

    @BeforeAll
    static void keys() {
        keys = SigningKeys.selfSigned("Ban quản lý chợ Đại Từ", "0100112437", Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofDays(365));
    }

    static EDocument rentAndElectricity() {
        // Stall rent priced VAT included (2,000 đ/m²/day × 12 m² × 30 days = 720,000) and 85 kWh at 3,152 đ.
        long rentBeforeVat = VatRates.beforeVat(720_000, "8%");
        return new EDocument(InvoiceSeries.parse("1C26TAA").orElseThrow(), 12, LocalDate.of(2026, 11, 30), "CK",
                new EDocument.Party("Ban quản lý chợ Đại Từ", "0100112437", "Thị trấn Hùng Sơn, Thái Nguyên"),
                new EDocument.Party("Nguyễn Thị Hoa", null, "Quầy A-1, chợ Đại Từ"),
                List.of(new EDocument.Line("Giá dịch vụ sử dụng diện tích bán hàng tháng 11/2026", "tháng", 1_000,
                                rentBeforeVat, rentBeforeVat, "8%"),
                        new EDocument.Line("Điện tiêu thụ (1.200 → 1.285)", "kWh", 85_000, 3_152, 267_920, "8%")),
                "DT26-000012-X7K");
    }

    static byte[] signed(EDocument d) {
        Document doc = InvoiceXml.build(d);
        XmlSignatures.sign(doc, keys.privateKey(), keys.certificate(), Instant.parse("2026-11-30T03:00:00Z"));
        return InvoiceXml.bytes(doc);
    }

    @Test
    void seriesAreReadAsTheCircularWritesThem() {
        InvoiceSeries s = InvoiceSeries.parse("1C26TAA").orElseThrow();
        assertThat(s.form()).isEqualTo(1);
        assertThat(s.series()).isEqualTo("C26TAA");
        assertThat(s.year()).isEqualTo(2026);
        assertThat(s.withAuthorityCode()).isTrue();
        assertThat(InvoiceSeries.parse("2K25MQN")).isPresent();
        assertThat(InvoiceSeries.parse("1c26taa")).as("lower case").isEmpty();
        assertThat(InvoiceSeries.parse("1C2XTAA")).as("letter in the year").isEmpty();
        assertThat(InvoiceSeries.parse("1C26ZAA")).as("unknown kind letter").isEmpty();
        assertThat(InvoiceSeries.parse("0C26TAA")).as("form 0").isEmpty();
        assertThat(InvoiceSeries.parse("1C26TAAA")).as("seven characters").isEmpty();
    }

    @Test
    void taxCodesHaveTheirCheckDigit() {
        assertThat(TaxCode.isValid("0100112437")).isTrue();
        assertThat(TaxCode.isValid("0101248141")).isTrue();
        assertThat(TaxCode.isValid("0100112437-001")).as("a dependent unit").isTrue();
        assertThat(TaxCode.isValid("001088012345")).as("a person's citizen ID as tax code").isTrue();
        assertThat(TaxCode.problem("0100112438")).isEqualTo("einvoice.taxCode.checkDigit");
        assertThat(TaxCode.problem("01001124")).isEqualTo("einvoice.taxCode.format");
        assertThat(TaxCode.problem(" ")).isEqualTo("einvoice.taxCode.missing");
    }

    @Test
    void vatIsRoundedHalfUpOncePerRate() {
        assertThat(VatRates.vat(100_000, "8%")).isEqualTo(8_000);
        assertThat(VatRates.vat(12_345, "8%")).isEqualTo(988);
        assertThat(VatRates.vat(12_345, "KCT")).isZero();
        assertThat(VatRates.beforeVat(108_000, "8%")).isEqualTo(100_000);
        assertThat(VatRates.beforeVat(720_000, "8%")).isEqualTo(666_667);
        assertThat(VatRates.basisPoints("KHAC:5.26%")).isEqualTo(526);
        assertThat(VatRates.basisPoints("8 %")).isEqualTo(-1);
    }

    @Test
    void theSignedFileHasTheStructureTotalsAndWordsAndItsSignatureVerifies() {
        EDocument d = rentAndElectricity();
        String xml = new String(signed(d), StandardCharsets.UTF_8);
        assertThat(xml).contains("<PBan>2.1.0</PBan>", "<KHMSHDon>1</KHMSHDon>", "<KHHDon>C26TAA</KHHDon>",
                "<SHDon>12</SHDon>", "<NLap>2026-11-30</NLap>", "<DVTTe>VND</DVTTe>", "<SLuong>85</SLuong>",
                "<TSuat>8%</TSuat>", "<TgTCThue>934587</TgTCThue>", "<TgTThue>74767</TgTThue>",
                "<TgTTTBSo>1009354</TgTTTBSo>",
                "<TgTTTBChu>Một triệu không trăm linh chín nghìn ba trăm năm mươi tư đồng</TgTTTBChu>",
                "DSCKS><NBan><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"", "rsa-sha256", "<X509Certificate>",
                "<SigningTime");
        DocumentCheck.Result r = DocumentCheck.check(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems()).isEmpty();
        assertThat(r.signer().getSubjectX500Principal().getName()).contains("Đại Từ");
    }

    @Test
    void aBillsLinesWithTheirOwnVatAddUpToWhatTheTraderPaid() {
        // Three lines of a market's bill at 8 %, each priced VAT included: 478,757 đồng paid. Reckoned on the rate's
        // total the VAT would be 35,463 and the document 478,756, a đồng short of the bill.
        long[] gross = {156_000, 190_633, 132_124};
        List<EDocument.Line> lines = new java.util.ArrayList<>();
        for (long g : gross) {
            long before = VatRates.beforeVat(g, "8%");
            lines.add(new EDocument.Line("Phí tháng 11/2026", "khoản", 1_000, before, before, "8%", "RENT", g - before));
        }
        EDocument d = new EDocument(InvoiceSeries.parse("1C26TAA").orElseThrow(), 13, LocalDate.of(2026, 11, 30), "CK",
                new EDocument.Party("Ban quản lý chợ Đại Từ", "0100112437", "Thị trấn Hùng Sơn, Thái Nguyên"),
                new EDocument.Party("Nguyễn Thị Hoa", null, "Quầy A-1, chợ Đại Từ"), lines, "DT26-000013-X7K");
        assertThat(d.total()).isEqualTo(478_757);
        assertThat(d.totalVat()).isEqualTo(35_464);
        String xml = new String(signed(d), StandardCharsets.UTF_8);
        assertThat(xml).contains("<TgTCThue>443293</TgTCThue>", "<TgTThue>35464</TgTThue>", "<TgTTTBSo>478757</TgTTTBSo>");
        assertThat(DocumentCheck.check(xml.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();

        // More than a đồng a line away from the rate's total is not rounding: named (and the signature breaks).
        String far = xml.replace("<TThue>35464</TThue>", "<TThue>35467</TThue>");
        assertThat(DocumentCheck.check(far.getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(DocumentCheck.Problem::key).contains("einvoice.check.vat");
    }

    @Test
    void aOneByteChangeBreaksTheSignature() {
        byte[] file = signed(rentAndElectricity());
        String xml = new String(file, StandardCharsets.UTF_8);
        // The buyer's name changes by one letter: every figure still adds up, only the signature tells.
        byte[] forged = xml.replace("Nguyễn Thị Hoa", "Nguyễn Thị Hoà").getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentCheck.check(forged).problems()).extracting(DocumentCheck.Problem::key)
                .containsExactly("einvoice.signature.invalid");
        // One digit of the electricity amount: the line, the totals and the signature all disagree.
        byte[] changed = xml.replace("<ThTien>267920</ThTien>", "<ThTien>267921</ThTien>").getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentCheck.check(changed).problems()).extracting(DocumentCheck.Problem::key)
                .contains("einvoice.check.totalBeforeVat", "einvoice.signature.invalid");
    }

    @Test
    void wrongWordsAndAnUnsignedFileAreNamed() {
        String xml = new String(signed(rentAndElectricity()), StandardCharsets.UTF_8);
        String words = xml.replace("ba trăm năm mươi tư đồng", "ba trăm năm mươi bốn đồng");
        assertThat(DocumentCheck.check(words.getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(DocumentCheck.Problem::key).contains("einvoice.check.words");
        byte[] unsigned = InvoiceXml.bytes(InvoiceXml.build(rentAndElectricity()));
        assertThat(DocumentCheck.check(unsigned).problems()).extracting(DocumentCheck.Problem::key)
                .containsExactly("einvoice.signature.missing");
        assertThat(DocumentCheck.check("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><HDon>&e;</HDon>"
                .getBytes(StandardCharsets.UTF_8)).problems()).extracting(DocumentCheck.Problem::key)
                .containsExactly("einvoice.check.notXml");
    }

    @Test
    void anIndependentToolVerifiesTheSignature(@TempDir Path dir) throws Exception {
        boolean required = System.getenv("CHO40_REQUIRE_BROWSER") != null;
        boolean present = Files.isExecutable(Path.of("/usr/bin/xmlsec1"));
        assertThat(present || !required).as("xmlsec1 is required here (apt-get install xmlsec1)").isTrue();
        assumeThat(present).isTrue();
        Path file = dir.resolve("invoice.xml");
        Files.write(file, signed(rentAndElectricity()));
        Path cert = dir.resolve("seller.pem");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Files.copy(file, Path.of("target/einvoice-sample.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(xmlsec(file, cert)).as("xmlsec1 verifies the signed file").isZero();
        Files.writeString(file, Files.readString(file).replace("<SHDon>12</SHDon>", "<SHDon>13</SHDon>"));
        assertThat(xmlsec(file, cert)).as("xmlsec1 refuses it after a one-byte change").isNotZero();
    }

    private static int xmlsec(Path file, Path cert) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/xmlsec1", "--verify", "--id-attr:Id", "DLHDon",
                "--pubkey-cert-pem", cert.toString(), file.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        int code = p.waitFor();
        System.out.println("xmlsec1: " + out.toString(StandardCharsets.UTF_8).strip());
        return code;
    }
}
