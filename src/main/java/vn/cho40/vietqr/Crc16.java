package vn.cho40.vietqr;

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), as EMVCo QR requires. */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Crc16() {
    }

    /** Over the characters of {@code text} up to {@code end} (each an ASCII byte). */
    public static int of(CharSequence text, int end) {
        int crc = 0xFFFF;
        for (int i = 0; i < end; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ text.charAt(i)) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    /** Four upper-case hex digits, leading zeros kept. */
    public static String hex(int crc) {
        char[] out = new char[4];
        for (int i = 3; i >= 0; i--) {
            out[i] = Character.toUpperCase(Character.forDigit(crc & 0xF, 16));
            crc >>>= 4;
        }
        return new String(out);
    }
}
