package vn.cho40.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The launcher's help, Vietnamese first then English, from cli/help.txt. */
public final class Help {

    private Help() {
    }

    public static int print(PrintStream out) {
        out.print(text());
        return 0;
    }

    public static int unknown(String command, PrintStream err) {
        err.println("Lệnh không rõ: " + command + ". Xem ./cho40 --help (unknown command; see ./cho40 --help)");
        return 2;
    }

    static String text() {
        try (InputStream in = Help.class.getResourceAsStream("/cli/help.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
