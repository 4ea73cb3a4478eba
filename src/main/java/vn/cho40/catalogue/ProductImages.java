package vn.cho40.catalogue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * A product photo as uploaded (JPEG, PNG or WebP, checked by its bytes, not its name) turned into the three JPEGs the
 * platform serves. Re-encoding from pixels keeps nothing of the original file's metadata (EXIF with its GPS
 * position, camera, owner); the sizes are bounded so a phone on 3G loads a product page quickly. Pure Java.
 */
final class ProductImages {

    /** The three sizes served: the product page, lists, and thumbnails. */
    static final int LARGE = 1200;
    static final int MEDIUM = 600;
    static final int SMALL = 200;

    /** What was made, or why the upload is refused. */
    record Resized(int width, int height, byte[] large, byte[] medium, byte[] small) {
    }

    /** Why a file is not a photo the platform takes; each has a message for the person who sent it. */
    static final class Refused extends Exception {
        final String reason;

        Refused(String reason) {
            super(reason);
            this.reason = reason;
        }
    }

    private ProductImages() {
    }

    static Resized process(byte[] upload, long maxBytes, long maxPixels) throws Refused {
        if (upload == null || upload.length == 0) {
            throw new Refused("empty");
        }
        if (upload.length > maxBytes) {
            throw new Refused("tooLarge");
        }
        String format = format(upload);
        if (format == null) {
            throw new Refused("notImage");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refused("notImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // metadata is never read
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new Refused("tooManyPixels");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("notImage");
        }
        if (image.getWidth() < 100 || image.getHeight() < 100) {
            throw new Refused("tooSmall");
        }
        BufferedImage rgb = opaque(image);
        return new Resized(rgb.getWidth(), rgb.getHeight(), jpeg(rgb, LARGE), jpeg(rgb, MEDIUM), jpeg(rgb, SMALL));
    }

    /** JPEG, PNG or WebP by their signatures; anything else is not a photo. */
    static String format(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        return null;
    }

    /** Transparent PNGs on white: JPEG has no alpha. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static byte[] jpeg(BufferedImage image, int box) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var builder = Thumbnails.of(image).outputFormat("jpg").outputQuality(0.82);
            if (image.getWidth() > box || image.getHeight() > box) {
                builder.size(box, box);
            } else {
                builder.scale(1.0);
            }
            builder.toOutputStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
