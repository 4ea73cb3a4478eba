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
        // A webhook's stored body and transfer text are personal data too (account numbers, names).
        java.util.UUID request = java.util.UUID.randomUUID();
        db.sql("INSERT INTO inbound_request (id, received_at, provider, outcome, body_enc) VALUES (?, now(), 'SEPAY', "
                + "'ACCEPTED', ?)").params(request, current.encrypt("raw_body", "{\"accountNumber\":\"0123456789\"}"))
                .update();
        db.sql("""
                INSERT INTO payment_event (id, request_id, provider, provider_txn_id, bank_reference,
                    receiving_account_hash, receiving_account_last4, direction, amount_vnd, booked_at,
                    transfer_text_enc, created_at)
                VALUES (?, ?, 'SEPAY', 'rot-1', 'FT-ROT-1', '\\x00', '6789', 'CREDIT', 1000, now(), ?, now())""")
                .params(java.util.UUID.randomUUID(), request, current.encrypt("transfer_text", "NGUYEN VAN A CK"))
                .update();
        try {
            assertThat(rotation.rotate(rotated)).isGreaterThan(2_000);
            for (String[] column : List.of(new String[] {"trader", "id_number_enc"}, new String[] {"trader", "phone_enc"},
                    new String[] {"receiving_account", "account_enc"}, new String[] {"stall_qr_code", "payload_enc"},
                    new String[] {"inbound_request", "body_enc"}, new String[] {"payment_event", "transfer_text_enc"})) {
                assertThat(db.sql("SELECT " + column[1] + " FROM " + column[0] + " WHERE " + column[1] + " IS NOT NULL")
                        .query((rs, n) -> rs.getBytes(1)).list())
                        .as(column[0] + "." + column[1] + " all under the new key")
                        .allSatisfy(b -> assertThat(rotated.needsRotation(b)).isFalse());
            }
            assertThat(rotated.decrypt("transfer_text", db.sql("SELECT transfer_text_enc FROM payment_event WHERE "
                    + "bank_reference = 'FT-ROT-1'").query((rs, n) -> rs.getBytes(1)).single()))
                    .isEqualTo("NGUYEN VAN A CK");
            assertThat(rotated.decrypt("raw_body", db.sql("SELECT body_enc FROM inbound_request WHERE id = ?")
                    .param(request).query((rs, n) -> rs.getBytes(1)).single())).contains("0123456789");
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
