package vn.cho40.trader;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.privacy.FieldCipher;

/**
 * Re-encrypts personal values written with an older key under the current one ({@code ./cho40 rotate-keys}),
 * after a new key has been put first in CHO40_DATA_KEYS. Once it reports 0, the old key can be removed.
 * Works through each table in pages of its own transaction: the webhook log grows by millions of rows, and a
 * run stopped halfway is simply run again (only values under an older key are rewritten).
 */
@Service
public class KeyRotation {

    private static final int PAGE = 1_000;
    private static final UUID FIRST = new UUID(0, 0);

    /** Every encrypted column: table, column, the field name bound into its ciphertext. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"trader", "id_number_enc", "id_number"},
            new String[] {"trader", "phone_enc", "phone"},
            new String[] {"receiving_account", "account_enc", "account"},
            new String[] {"receiving_account_request", "account_enc", "account"},
            new String[] {"stall_qr_code", "payload_enc", "qr_payload"},
            new String[] {"inbound_request", "body_enc", "raw_body"},
            new String[] {"payment_event", "transfer_text_enc", "transfer_text"});

    private final JdbcClient db;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;

    KeyRotation(JdbcClient db, FieldCipher cipher, TransactionTemplate tx) {
        this.db = db;
        this.cipher = cipher;
        this.tx = tx;
    }

    /** Returns how many values were re-encrypted. */
    public int rotate() {
        return rotate(cipher);
    }

    int rotate(FieldCipher with) {
        int rewritten = 0;
        for (String[] c : COLUMNS) {
            UUID after = FIRST;
            Page page;
            do {
                UUID from = after;
                page = tx.execute(status -> page(c, from, with));
                rewritten += page.rewritten();
                after = page.last();
            } while (page.last() != null);
        }
        return rewritten;
    }

    private record Page(int rewritten, UUID last) {
    }

    private Page page(String[] c, UUID after, FieldCipher with) {
        record Value(UUID id, byte[] stored) {
        }
        List<Value> values = db.sql("SELECT id, " + c[1] + " FROM " + c[0] + " WHERE id > ? AND " + c[1]
                        + " IS NOT NULL ORDER BY id LIMIT " + PAGE + " FOR UPDATE")
                .param(after).query((rs, n) -> new Value(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
        int rewritten = 0;
        for (Value v : values) {
            if (with.needsRotation(v.stored())) {
                byte[] fresh = with.encrypt(c[2], with.decrypt(c[2], v.stored()));
                db.sql("UPDATE " + c[0] + " SET " + c[1] + " = ? WHERE id = ?").params(fresh, v.id()).update();
                rewritten++;
            }
        }
        return new Page(rewritten, values.size() < PAGE ? null : values.getLast().id());
    }
}
