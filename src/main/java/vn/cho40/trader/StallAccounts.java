package vn.cho40.trader;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.privacy.FieldCipher;

/**
 * Where a stall's money goes: its default receiving account. The account number is decrypted only to be
 * printed on the stall's own sign (it is in the QR code the public scans).
 */
@Service
public class StallAccounts {

    /** The account a stall's QR pays into, and its holder as bank apps show it. */
    public record PayTo(UUID accountId, String bin, String accountNumber, String holderName, UUID traderId) {
    }

    private final JdbcClient db;
    private final FieldCipher cipher;

    StallAccounts(JdbcClient db, FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    public Optional<PayTo> defaultFor(UUID stallId) {
        return db.sql("""
                SELECT a.id, a.bin, a.account_enc, a.holder_name, a.trader_id FROM stall_default_account d
                JOIN receiving_account a ON a.id = d.account_id
                JOIN lease l ON l.stall_id = d.stall_id AND l.trader_id = a.trader_id AND l.ends_on IS NULL
                WHERE d.stall_id = ?""")
                .param(stallId)
                .query((rs, n) -> new PayTo(rs.getObject(1, UUID.class), rs.getString(2),
                        cipher.decrypt("account", rs.getBytes(3)), rs.getString(4), rs.getObject(5, UUID.class)))
                .optional();
    }

    /** Whether bin + account is the stall's registered account, compared by keyed hash, nothing decrypted. */
    public boolean isDefault(UUID stallId, String bin, String account) {
        return db.sql("""
                SELECT count(*) FROM stall_default_account d JOIN receiving_account a ON a.id = d.account_id
                WHERE d.stall_id = ? AND a.bin = ? AND a.account_hash = ?""")
                .params(stallId, bin, cipher.index("account", bin + ":" + account))
                .query(Long.class).single() > 0;
    }
}
