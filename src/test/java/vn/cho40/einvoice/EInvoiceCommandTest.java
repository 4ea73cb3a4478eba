package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code ./cho40 einvoice}: verify a file and say what is wrong in both languages; make a trial key store. */
class EInvoiceCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return EInvoiceCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void aKeyStoreMadeHereSignsAFileTheVerifierAccepts(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("board.p12");
        Map<String, String> env = Map.of("CHO40_EINVOICE_KEYSTORE_PASSWORD", "mat-khau-thu");
        assertThat(run(env, "keystore", "--out", store.toString(), "--name", "Ban quản lý chợ Đại Từ",
                "--tax-code", "0100112437")).isZero();
        SigningKeys keys = SigningKeys.load(store, "mat-khau-thu".toCharArray());
        assertThat(keys.validAt(Instant.now())).isTrue();

        Document doc = InvoiceXml.build(EInvoiceTest.rentAndElectricity());
        XmlSignatures.sign(doc, keys.privateKey(), keys.certificate(), Instant.now());
        Path file = dir.resolve("hoadon.xml");
        Files.write(file, InvoiceXml.bytes(doc));
        assertThat(run(Map.of(), "verify", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Hợp lệ", "1C26TAA", "1.009.354", "Valid");

        Files.writeString(file, Files.readString(file).replace("<TgTTTBSo>1009354</TgTTTBSo>",
                "<TgTTTBSo>1009355</TgTTTBSo>"));
        assertThat(run(Map.of(), "verify", file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Tổng tiền thanh toán 1009355",
                "Total to pay 1009355", "bị sửa sau khi ký", "changed after it was signed");
    }

    @Test
    void aReceiptIsVerifiedAsAReceipt(@TempDir Path dir) throws Exception {
        EReceiptAndCorrectionTest.keys();
        Path file = dir.resolve("bienlai.xml");
        Files.write(file, EReceiptAndCorrectionTest.signed(EReceiptAndCorrectionTest.garbageFeeReceipt()));
        assertThat(run(Map.of(), "verify", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Hợp lệ: biên lai 01BLP0-001 AB-26E số 3",
                "40.000", "Valid: receipt");
        Files.writeString(file, Files.readString(file).replace("<TgTTTBSo>40000</TgTTTBSo>",
                "<TgTTTBSo>-40000</TgTTTBSo>"));
        assertThat(run(Map.of(), "verify", file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("chỉ hóa đơn điều chỉnh", "only an adjusting");
    }

    @Test
    void noPasswordNoKeyStoreAndWrongUseShowsHow(@TempDir Path dir) {
        assertThat(run(Map.of(), "keystore", "--out", dir.resolve("x.p12").toString(), "--name", "X")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CHO40_EINVOICE_KEYSTORE_PASSWORD");
        assertThat(Files.exists(dir.resolve("x.p12"))).isFalse();
        assertThat(run(Map.of(), "sign")).isEqualTo(2);
        assertThat(run(Map.of(), "verify", dir.resolve("none.xml").toString())).isEqualTo(2);
    }
}
