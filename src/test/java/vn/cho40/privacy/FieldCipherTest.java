package vn.cho40.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII));
    private static final byte[] INDEX_KEY = "an index key of at least 32 bytes".getBytes(StandardCharsets.US_ASCII);

    @Test
    void encryptsWithoutRevealingThePlaintextAndDecryptsBack() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1), INDEX_KEY);
        byte[] stored = cipher.encrypt("id_number", "019185001234");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("019185001234");
        assertThat(cipher.decrypt("id_number", stored)).isEqualTo("019185001234");
        assertThat(cipher.encrypt("id_number", "019185001234")).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void aValueMovedToAnotherColumnOrTamperedWithDoesNotDecrypt() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1), INDEX_KEY);
        byte[] stored = cipher.encrypt("id_number", "019185001234");
        assertThatThrownBy(() -> cipher.decrypt("phone", stored)).isInstanceOf(IllegalStateException.class);
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("id_number", stored)).isInstanceOf(IllegalStateException.class);
        stored[stored.length - 1] ^= 1;
        assertThat(cipher.decrypt("id_number", stored)).as("the pooled cipher works again after a failure")
                .isEqualTo("019185001234");
        assertThat(cipher.index("account_number", "0123")).as("and so does its keyed hash")
                .isEqualTo(new FieldCipher(KeyRing.parse("k1:" + K1), INDEX_KEY).index("account_number", "0123"));
    }

    @Test
    void manyThreadsAtOnceEachGetTheirOwnValueBack() throws Exception {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1), INDEX_KEY);
        FieldCipher reference = new FieldCipher(KeyRing.parse("k1:" + K1), INDEX_KEY);
        List<Future<String>> results = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 64; t++) {
                int n = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String value = "09" + n + "-" + i;
                        if (!cipher.decrypt("phone", cipher.encrypt("phone", value)).equals(value)
                                || !Arrays.equals(cipher.index("phone", value),
                                        reference.index("phone", value))) {
                            return "thread " + n + " got another value for " + value;
                        }
                    }
                    return "ok";
                }));
            }
        }
        for (var r : results) {
            assertThat(r.get()).isEqualTo("ok");
        }
    }

    @Test
    void keysRotateNewValuesUseTheFirstOldOnesStillRead() {
        FieldCipher before = new FieldCipher(KeyRing.parse("k1:" + K1), INDEX_KEY);
        byte[] old = before.encrypt("phone", "0912345678");
        FieldCipher after = new FieldCipher(KeyRing.parse("k2:" + K2 + ",k1:" + K1), INDEX_KEY);
        assertThat(after.decrypt("phone", old)).isEqualTo("0912345678");
        assertThat(after.needsRotation(old)).isTrue();
        assertThat(after.needsRotation(after.encrypt("phone", "0912345678"))).isFalse();
        FieldCipher withoutOldKey = new FieldCipher(KeyRing.parse("k2:" + K2), INDEX_KEY);
        assertThatThrownBy(() -> withoutOldKey.decrypt("phone", old)).hasMessageContaining("cannot decrypt");
    }

    @Test
    void lookupHashesAreStableKeyedAndPerField() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1), INDEX_KEY);
        assertThat(cipher.index("phone", "0912345678")).isEqualTo(cipher.index("phone", "0912345678"))
                .isNotEqualTo(cipher.index("id_number", "0912345678"));
        FieldCipher otherKey = new FieldCipher(KeyRing.parse("k1:" + K1),
                "another index key of 32 bytes!!!".getBytes(StandardCharsets.US_ASCII));
        assertThat(otherKey.index("phone", "0912345678")).isNotEqualTo(cipher.index("phone", "0912345678"));
    }

    @Test
    void badKeyConfigurationIsExplained() {
        assertThatThrownBy(() -> KeyRing.parse("")).hasMessageContaining("CHO40_DATA_KEYS");
        assertThatThrownBy(() -> KeyRing.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void masksShowOnlyTheLastFour() {
        assertThat(Mask.lastFour(Mask.last4Of("019185001234"))).isEqualTo("•••• 1234");
        assertThat(Mask.holderName("NGUYEN THI NGA")).isEqualTo("NGUYEN THI N***");
    }
}
