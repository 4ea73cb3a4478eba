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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * QR images with ZXing: error correction M (a sign survives dirt and creases), a quiet zone of 4 modules
 * as the standard asks, PNG for screens and print, SVG for sign makers. Also reads a code back from a
 * photo, for inspections.
 */
public final class QrImages {

    public static final int QUIET_ZONE_MODULES = 4;

    private QrImages() {
    }

    /**
     * The mask of codes drawn for a screen (dynamic codes for one sale or bill). ZXing otherwise scores all
     * eight masks, about 0.5 ms of a 0.65 ms drawing; that scoring guards printed codes against stains, folds
     * and poor light, which a lit phone screen held up to another phone does not have. Printed signs keep the
     * standard selection. Every mask decodes (ScreenCodesTest, zbarimg); mask 4 read best with ZXing's reader.
     */
    static final int SCREEN_MASK = 4;

    static BitMatrix matrix(String payload, int sizePx) {
        return matrix(payload, sizePx, null);
    }

    static BitMatrix matrix(String payload, int sizePx, Integer mask) {
        Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        hints.put(EncodeHintType.CHARACTER_SET, "ISO-8859-1");
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, sizePx, sizePx, hints);
        } catch (com.google.zxing.WriterException e) {
            throw new VietQrException("payload", "cannot draw this payload as a QR code: " + e.getMessage());
        }
    }

    /** The code's modules, one per cell, quiet zone included: for drawing it as vector squares (PDF). */
    public static BitMatrix modules(String payload) {
        return matrix(payload, 0);
    }

    public static byte[] png(String payload, int sizePx) {
        if (sizePx < 64 || sizePx > 4096) {
            throw new VietQrException("size", "size must be 64 to 4096 pixels, got " + sizePx);
        }
        return OneBitPng.encode(matrix(payload, 0), sizePx);
    }

    /** A code for a screen (see {@link #SCREEN_MASK}): the same payload, drawn in a fraction of the time. */
    public static byte[] screenPng(String payload, int sizePx) {
        if (sizePx < 64 || sizePx > 4096) {
            throw new VietQrException("size", "size must be 64 to 4096 pixels, got " + sizePx);
        }
        return OneBitPng.encode(matrix(payload, 0, SCREEN_MASK), sizePx);
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

    /** Photos with more pixels are refused unless the caller sets its own limit (cho40.uploads.max-image-pixels). */
    public static final long MAX_PIXELS = 16_000_000;
    /**
     * Larger images are decoded subsampled to about this many pixels: a QR code on a sign still has several pixels
     * a module, and a decoded photo then takes about 16 MB of heap whatever the camera (a full 16 MP one, 64 MB).
     */
    static final long DECODE_PIXELS = 4_000_000;

    /** An image whose header announces more pixels than allowed; nothing of it was decoded. */
    public static final class TooLarge extends RuntimeException {
        private final int width;
        private final int height;

        TooLarge(int width, int height, long maxPixels) {
            super(width + " x " + height + " pixels is over " + maxPixels);
            this.width = width;
            this.height = height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    /** The text of a QR code found in a photo or scan, if any. */
    public static Optional<String> read(byte[] imageBytes) {
        return read(imageBytes, MAX_PIXELS);
    }

    /**
     * The same with a pixel limit: the size is read from the image's header before anything is decoded, because a
     * small compressed file can announce an image that fills the heap (a 25 KB PNG of 10,000 x 10,000).
     *
     * @throws TooLarge when the image has more than {@code maxPixels}
     */
    public static Optional<String> read(byte[] imageBytes, long maxPixels) {
        BufferedImage image = decodeBounded(imageBytes, maxPixels);
        if (image == null) {
            return Optional.empty();
        }
        var source = new BufferedImageLuminanceSource(image);
        // Photos first; then the two readings that rescue clean screenshots ZXing's finder search misses.
        for (BinaryBitmap bitmap : new BinaryBitmap[] {new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source))}) {
            for (Map<DecodeHintType, Object> hints : List.of(Map.<DecodeHintType, Object>of(
                    DecodeHintType.TRY_HARDER, Boolean.TRUE), Map.<DecodeHintType, Object>of(
                    DecodeHintType.PURE_BARCODE, Boolean.TRUE))) {
                try {
                    return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
                } catch (NotFoundException | ChecksumException | FormatException e) {
                    // try the next reading
                }
            }
        }
        return Optional.empty();
    }

    /** The image, subsampled when large, or null when no reader knows it or it is damaged. */
    private static BufferedImage decodeBounded(byte[] imageBytes, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(imageBytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > maxPixels) {
                    throw new TooLarge(width, height, maxPixels);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODE_PIXELS));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // A damaged or truncated image is not a QR code, as before; never a 500.
            return null;
        }
    }
}
