package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A photo is sized from its header before it is decoded: a tiny file cannot announce a heap-filling image. */
public class QrPhotoLimitTest {

    /** A white 1-bit PNG of any size: a few KB of deflated zeros, however many pixels it announces. */
    public static byte[] blankPng(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[1 + (width + 7) / 8];
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {1, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void aSmallPngOfTenThousandByTenThousandIsRefusedBeforeDecoding() throws IOException {
        byte[] bomb = blankPng(10_000, 10_000);
        assertThat(bomb.length).as("the finding's 25 KB upload").isLessThan(40_000);
        assertThatThrownBy(() -> QrImages.read(bomb, QrImages.MAX_PIXELS)).isInstanceOfSatisfying(
                QrImages.TooLarge.class, e -> {
                    assertThat(e.width()).isEqualTo(10_000);
                    assertThat(e.height()).isEqualTo(10_000);
                });
        assertThat(QrImages.read(blankPng(400, 300))).as("small and blank: simply no code").isEmpty();
        assertThat(QrImages.read(new byte[] {1, 2, 3})).as("not an image").isEmpty();
    }

    @Test
    void aLargePhotoWithinTheLimitIsReadSubsampled() throws IOException {
        String payload = VietQr.encode(VietQrPayload.staticCode("970436", "1004200079190"));
        BufferedImage code = QrImages.image(payload, 1200);
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(java.awt.Color.LIGHT_GRAY);
        g.fillRect(0, 0, 4000, 3000);
        g.drawImage(code, 1400, 900, null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", jpeg);
        assertThat(QrImages.read(jpeg.toByteArray(), QrImages.MAX_PIXELS)).as("12 MP, decoded at 3 MP").hasValue(
                payload);
    }
}
