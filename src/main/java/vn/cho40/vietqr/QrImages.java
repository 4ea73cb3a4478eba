package vn.cho40.vietqr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * QR images with ZXing: error correction M (a sign survives dirt and creases), a quiet zone of 4 modules
 * as the standard asks, PNG for screens and print, SVG for sign makers. Also reads a code back from a
 * photo, for inspections.
 */
public final class QrImages {

    public static final int QUIET_ZONE_MODULES = 4;

    private QrImages() {
    }

    static BitMatrix matrix(String payload, int sizePx) {
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.MARGIN, QUIET_ZONE_MODULES, EncodeHintType.CHARACTER_SET, "ISO-8859-1");
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, sizePx, sizePx, hints);
        } catch (com.google.zxing.WriterException e) {
            throw new VietQrException("payload", "cannot draw this payload as a QR code: " + e.getMessage());
        }
    }

    public static byte[] png(String payload, int sizePx) {
        if (sizePx < 64 || sizePx > 4096) {
            throw new VietQrException("size", "size must be 64 to 4096 pixels, got " + sizePx);
        }
        return OneBitPng.encode(matrix(payload, 0), sizePx);
    }

    public static BufferedImage image(String payload, int sizePx) {
        return MatrixToImageWriter.toBufferedImage(matrix(payload, sizePx));
    }

    /** One path of unit squares in module coordinates: small, and crisp at any print size. */
    public static String svg(String payload) {
        BitMatrix m = matrix(payload, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The text of a QR code found in a photo or scan, if any. */
    public static Optional<String> read(byte[] imageBytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(imageBytes));
            if (image == null) {
                return Optional.empty();
            }
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (IOException | NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        }
    }
}
