package vn.cho40.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/**
 * The fonts every PDF of the platform prints Vietnamese with: DejaVu Sans (regular and bold, shipped in
 * {@code /fonts} with its licence), embedded as Identity-H so every diacritic survives. The font files are read once;
 * a {@link BaseFont} is made per document, since a document's font records the glyphs it used.
 */
public final class PdfFonts {

    private static final byte[] REGULAR = read("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("/fonts/DejaVuSans-Bold.ttf");

    private PdfFonts() {
    }

    public static BaseFont regular() {
        return create("DejaVuSans.ttf", REGULAR);
    }

    public static BaseFont bold() {
        return create("DejaVuSans-Bold.ttf", BOLD);
    }

    private static BaseFont create(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String path) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
