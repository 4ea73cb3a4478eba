package vn.cho40.vietqr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's zbarimg: a QR decoder independent of ZXing, to prove a printed sign scans. Skipped where it is not
 * installed, unless CHO40_REQUIRE_BROWSER=1 (CI) makes its absence a failure.
 */
public final class Zbar {

    private static final Path ZBARIMG = Path.of("/usr/bin/zbarimg");

    private Zbar() {
    }

    public static String decode(byte[] png) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(ZBARIMG);
        if (!present && "1".equals(System.getenv("CHO40_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("zbarimg is required: apt-get install zbar-tools");
        }
        Assumptions.assumeTrue(present, "zbar-tools not installed");
        Path file = Files.createTempFile("qr", ".png");
        Files.write(file, png);
        Process p = new ProcessBuilder(ZBARIMG.toString(), "--quiet", "--raw", file.toString())
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
