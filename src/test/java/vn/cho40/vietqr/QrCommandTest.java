package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QrCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return QrCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void encodePrintsThePayloadOnOneLine() {
        assertThat(run("encode", "--bin", "970436", "--account", "0011001234567")).isZero();
        assertThat(out()).isEqualTo(VietQrTest.STATIC_VCB);
        assertThat(run("encode", "--bin", "970436", "--account", "0011001234567", "--amount", "50000")).isZero();
        assertThat(out()).isEqualTo(VietQrTest.DYNAMIC_VCB_50K);
    }

    @Test
    void decodePrintsOneJsonObjectAndExitsByValidity() {
        assertThat(run("decode", VietQrTest.DYNAMIC_VCB_50K)).isZero();
        assertThat(out()).isEqualTo("{\"valid\":true,\"bin\":\"970436\",\"bank\":\"Vietcombank\",\"account\":"
                + "\"0011001234567\",\"service\":\"QRIBFTTA\",\"amount\":50000,\"purpose\":null,\"reference\":null,"
                + "\"dynamic\":true}");
        assertThat(run("decode", VietQrTest.STATIC_VCB.replace("E8DB", "E8DC"))).isEqualTo(1);
        assertThat(out()).startsWith("{\"valid\":false,\"error\":\"BAD_CRC\"");
    }

    @Test
    void badInputIsExplainedNotThrown() {
        assertThat(run("encode", "--bin", "970436", "--account", "1", "--amount", "năm mươi")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("đồng nguyên");
        assertThat(run("encode", "--bin", "970436", "--account", "1", "--purpose", "x".repeat(30))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("purpose");
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void pngScansBackWithAnIndependentDecoder() throws Exception {
        Path file = Files.createTempFile("qr", ".png");
        assertThat(run("png", VietQrTest.STATIC_VCB, "--out", file.toString(), "--size", "400")).isZero();
        assertThat(Zbar.decode(Files.readAllBytes(file))).isEqualTo(VietQrTest.STATIC_VCB);
        assertThat(QrImages.read(Files.readAllBytes(file))).contains(VietQrTest.STATIC_VCB);
        assertThat(QrImages.svg(VietQrTest.STATIC_VCB)).startsWith("<svg").contains("crispEdges");
    }
}
