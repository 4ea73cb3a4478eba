package vn.cho40.trader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.KeyRing;

@IntegrationTest
class KeyRotationIT {

    @Autowired
    KeyRotation rotation;
    @Autowired
    FieldCipher current;
    @Autowired
    JdbcClient db;
    @Autowired
    Environment env;

    @Test
    void aNewKeyFirstInTheRingReEncryptsEverythingAndTheValuesStayTheSame() {
        List<byte[]> before = db.sql("SELECT phone_enc FROM trader ORDER BY id LIMIT 5").query((rs, n) -> rs.getBytes(1))
                .list();
        List<String> phones = before.stream().map(b -> current.decrypt("phone", b)).toList();
        String newKey = Base64.getEncoder().encodeToString("a brand new 32-byte key for test".getBytes());
        FieldCipher rotated = new FieldCipher(KeyRing.parse("test2:" + newKey + ","
                + env.getProperty("cho40.privacy.data-keys")),
                Base64.getDecoder().decode(env.getProperty("cho40.privacy.index-key")));
        try {
            assertThat(rotation.rotate(rotated)).isGreaterThan(2_000);
            List<byte[]> after = db.sql("SELECT phone_enc FROM trader ORDER BY id LIMIT 5")
                    .query((rs, n) -> rs.getBytes(1)).list();
            assertThat(after).allSatisfy(b -> assertThat(rotated.needsRotation(b)).isFalse());
            assertThat(after.stream().map(b -> rotated.decrypt("phone", b)).toList()).isEqualTo(phones);
            assertThat(rotation.rotate(rotated)).as("a second run has nothing left").isZero();
        } finally {
            // Back to the key the rest of the run uses.
            FieldCipher back = new FieldCipher(KeyRing.parse(env.getProperty("cho40.privacy.data-keys") + ",test2:"
                    + newKey), Base64.getDecoder().decode(env.getProperty("cho40.privacy.index-key")));
            rotation.rotate(back);
        }
        assertThat(current.decrypt("phone", db.sql("SELECT phone_enc FROM trader ORDER BY id LIMIT 1")
                .query((rs, n) -> rs.getBytes(1)).single())).isEqualTo(phones.getFirst());
    }
}
