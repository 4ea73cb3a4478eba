package vn.cho40.trader;

import java.util.List;
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

    /** The stall's default account if it may receive payments (an account waiting for review gets no sign). */
    public Optional<PayTo> defaultFor(UUID stallId) {
        return db.sql("""
                SELECT a.id, a.bin, a.account_enc, a.holder_name, a.trader_id FROM stall_default_account d
                JOIN receiving_account a ON a.id = d.account_id
                JOIN lease l ON l.stall_id = d.stall_id AND l.trader_id = a.trader_id AND l.ends_on IS NULL
                WHERE d.stall_id = ? AND a.review_status = 'ACTIVE'""")
                .param(stallId)
                .query((rs, n) -> new PayTo(rs.getObject(1, UUID.class), rs.getString(2),
                        cipher.decrypt("account", rs.getBytes(3)), rs.getString(4), rs.getObject(5, UUID.class)))
                .optional();
    }

    /** Whose account a transfer reached: the trader, their market, the stall it is the default of, and its bank. */
    public record Owner(UUID accountId, UUID traderId, UUID marketId, UUID stallId, String bin) {
    }

    /**
     * The one active registered account with this number. Empty when none, or when the same number is registered
     * at two banks: a payment is never guessed onto one of them. Accounts waiting for review do not count.
     */
    public Optional<Owner> ownerOf(String accountNumber) {
        byte[] hash = cipher.index("account_number", accountNumber);
        List<Owner> owners = accountsAt(List.of(hash)).getOrDefault(java.nio.ByteBuffer.wrap(hash), List.of());
        return owners.size() == 1 ? Optional.of(owners.getFirst()) : Optional.empty();
    }

    /**
     * The active registered accounts with each of these numbers (keyed hashes, each once), at whatever bank: the
     * matcher's batches ask once for all. Numbers nobody registered are absent. (A join with the array, not
     * {@code = ANY}: the planner then looks each one up in the index instead of comparing every account with
     * every hash.)
     */
    public java.util.Map<java.nio.ByteBuffer, List<Owner>> accountsAt(java.util.Collection<byte[]> numberHashes) {
        if (numberHashes.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<java.nio.ByteBuffer, List<Owner>> owners = new java.util.HashMap<>();
        db.sql("""
                SELECT a.number_hash, a.id, a.trader_id, a.market_id,
                       (SELECT d.stall_id FROM stall_default_account d WHERE d.account_id = a.id LIMIT 1), a.bin
                FROM unnest(?::bytea[]) AS h(hash) JOIN receiving_account a ON a.number_hash = h.hash
                WHERE a.review_status = 'ACTIVE'""")
                .param(numberHashes.toArray(byte[][]::new))
                .query(rs -> {
                    owners.computeIfAbsent(java.nio.ByteBuffer.wrap(rs.getBytes(1)), k -> new java.util.ArrayList<>(1))
                            .add(new Owner(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                    rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6)));
                });
        return owners;
    }

    /** Who trades at a stall today (its open lease), for a payment a board assigns by hand. */
    public Optional<UUID> currentTrader(UUID stallId) {
        return db.sql("SELECT trader_id FROM lease WHERE stall_id = ? AND ends_on IS NULL").param(stallId)
                .query(UUID.class).optional();
    }

    /** The account numbers stalls of a market are paid into (for the demo's simulated customers only). */
    public List<String> defaultAccountNumbers(UUID marketId, int limit) {
        return db.sql("""
                SELECT a.account_enc FROM stall_default_account d JOIN receiving_account a ON a.id = d.account_id
                JOIN stall s ON s.id = d.stall_id WHERE s.market_id = ? ORDER BY s.code LIMIT ?""")
                .params(marketId, limit)
                .query((rs, n) -> cipher.decrypt("account", rs.getBytes(1))).list();
    }

    /** A stall, its trader's phone and the account the stall is paid into: made-up demo data only. */
    public record DemoPair(String stall, String phone, String account) {
    }

    /** For the demo's own data folder (demo module), never for a web answer. */
    public List<DemoPair> demoPairs(UUID marketId, int limit) {
        return db.sql("""
                SELECT s.code, t.phone_enc, a.account_enc FROM stall_default_account d
                JOIN receiving_account a ON a.id = d.account_id JOIN trader t ON t.id = a.trader_id
                JOIN stall s ON s.id = d.stall_id WHERE s.market_id = ? ORDER BY s.code LIMIT ?""")
                .params(marketId, limit)
                .query((rs, n) -> new DemoPair(rs.getString(1), cipher.decrypt("phone", rs.getBytes(2)),
                        cipher.decrypt("account", rs.getBytes(3)))).list();
    }

    /** Fills the number index of accounts saved before it existed; returns how many. */
    public int indexNumbers() {
        record Row(UUID id, byte[] enc) {
        }
        List<Row> rows = db.sql("SELECT id, account_enc FROM receiving_account WHERE number_hash IS NULL LIMIT 10000")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
        for (Row r : rows) {
            db.sql("UPDATE receiving_account SET number_hash = ? WHERE id = ?")
                    .params(cipher.index("account_number", cipher.decrypt("account", r.enc())), r.id()).update();
        }
        return rows.size();
    }

    /**
     * Whether money that reached this number (keyed hash) at this bank (null: not named) reached the stall's own
     * account: a board may place a payment on another account's stall only with a reason.
     */
    public boolean reachedDefault(UUID stallId, byte[] numberHash, String bin) {
        return db.sql("""
                SELECT count(*) FROM stall_default_account d JOIN receiving_account a ON a.id = d.account_id
                WHERE d.stall_id = ? AND a.number_hash = ? AND (?::text IS NULL OR a.bin = ?)""")
                .params(stallId, numberHash, bin, bin).query(Long.class).single() > 0;
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
