package vn.cho40.vietqr;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a QR module matrix as a 1-bit grayscale PNG scaled to a pixel size. ImageIO's PNG writer spends
 * about 0.7 ms per 400 px code in per-row filter search and stream setup, which misses the signs target
 * (2,000 codes/s per core); a QR image needs none of that: rows repeat, so plain deflate of unfiltered rows
 * is both smaller and several times faster. The container follows the PNG specification (IHDR, IDAT, IEND).
 */
final class OneBitPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private OneBitPng() {
    }

    /** {@code modules} includes the quiet zone; it is scaled by a whole factor and centred like ZXing does. */
    static byte[] encode(BitMatrix modules, int sizePx) {
        int n = modules.getWidth();
        int scale = Math.max(1, sizePx / n);
        int size = Math.max(sizePx, n * scale);
        int pad = (size - n * scale) / 2;
        int rowBytes = (size + 7) / 8;

        byte[] white = new byte[rowBytes + 1];
        java.util.Arrays.fill(white, 1, white.length, (byte) 0xFF);
        byte[][] moduleRows = new byte[n][];
        for (int my = 0; my < n; my++) {
            byte[] row = white.clone();
            for (int mx = 0; mx < n; mx++) {
                if (modules.get(mx, my)) {
                    for (int px = pad + mx * scale, end = px + scale; px < end; px++) {
                        row[1 + (px >>> 3)] &= (byte) ~(0x80 >>> (px & 7));
                    }
                }
            }
            moduleRows[my] = row;
        }
        byte[] raw = new byte[size * (rowBytes + 1)];
        for (int y = 0; y < size; y++) {
            int my = (y - pad) / scale;
            byte[] row = y < pad || my >= n ? white : moduleRows[my];
            System.arraycopy(row, 0, raw, y * (rowBytes + 1), rowBytes + 1);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 8 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();

        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
