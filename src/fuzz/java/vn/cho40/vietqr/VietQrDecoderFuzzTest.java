package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** The decoder must answer every input with a result, never an exception: Jazzer looks for one. */
class VietQrDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decodeNeverThrows(String input) {
        Decoded d = VietQr.decode(input);
        assertThat(d).isNotNull();
        if (d instanceof Decoded.Valid v) {
            // Whatever decodes as valid re-encodes to something that decodes to the same fields.
            assertThat(v.payload().bin()).hasSize(6);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void decodeMutatedRealCodes(byte[] noise) {
        StringBuilder code = new StringBuilder(VietQr.encode(VietQrPayload.dynamicCode("970436", "0011001234567",
                50_000, "Rau cu", "C40X")));
        for (int i = 0; i + 1 < noise.length && i < 16; i += 2) {
            int at = Math.floorMod(noise[i], code.length());
            code.setCharAt(at, (char) (noise[i + 1] & 0x7F));
        }
        assertThat(VietQr.decode(code.toString())).isNotNull();
    }
}
