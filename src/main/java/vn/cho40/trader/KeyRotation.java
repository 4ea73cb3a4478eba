package vn.cho40.trader;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.privacy.FieldCipher;

/**
 * Re-encrypts personal values written with an older key under the current one ({@code ./cho40 rotate-keys}),
 * after a new key has been put first in CHO40_DATA_KEYS. Once it reports 0, the old key can be removed.
 */
@Service
public class KeyRotation {

    /** Every encrypted column: table, column, the field name bound into its ciphertext. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"trader", "id_number_enc", "id_number"},
            new String[] {"trader", "phone_enc", "phone"},
            new String[] {"receiving_account", "account_enc", "account"});

    private final JdbcClient db;
    private final FieldCipher cipher;

    KeyRotation(JdbcClient db, FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Returns how many values were re-encrypted. */
    public int rotate() {
        return rotate(cipher);
    }

    @Transactional
    int rotate(FieldCipher with) {
        int rewritten = 0;
        for (String[] c : COLUMNS) {
            record Value(UUID id, byte[] stored) {
            }
            List<Value> values = db.sql("SELECT id, " + c[1] + " FROM " + c[0] + " FOR UPDATE")
                    .query((rs, n) -> new Value(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
            for (Value v : values) {
                if (with.needsRotation(v.stored())) {
                    byte[] fresh = with.encrypt(c[2], with.decrypt(c[2], v.stored()));
                    db.sql("UPDATE " + c[0] + " SET " + c[1] + " = ? WHERE id = ?").params(fresh, v.id()).update();
                    rewritten++;
                }
            }
        }
        return rewritten;
    }
}
