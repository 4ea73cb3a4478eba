package vn.cho40.trader;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cho40.identity.Scope;

@Repository
class TraderRepository {

    private final JdbcClient db;

    TraderRepository(JdbcClient db) {
        this.db = db;
    }

    record NewRow(UUID id, UUID marketId, String fullName, String nameKey, CitizenId.Kind idKind, byte[] idEnc,
                  byte[] idHash, String idLast4, LocalDate birthDate, byte[] phoneEnc, byte[] phoneHash,
                  String phoneLast4, String taxCode, Instant consentAt, String consentVersion, Instant createdAt,
                  String createdBy) {
    }

    void insert(NewRow r) {
        db.sql("""
                INSERT INTO trader (id, market_id, full_name, name_key, id_kind, id_number_enc, id_number_hash,
                    id_number_last4, birth_date, phone_enc, phone_hash, phone_last4, tax_code, consent_at,
                    consent_version, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.marketId(), r.fullName(), r.nameKey(), r.idKind().name(), r.idEnc(), r.idHash(),
                        r.idLast4(), r.birthDate(), r.phoneEnc(), r.phoneHash(), r.phoneLast4(), r.taxCode(),
                        Timestamp.from(r.consentAt()), r.consentVersion(), Timestamp.from(r.createdAt()), r.createdBy())
                .update();
    }

    boolean idTaken(byte[] hash) {
        return db.sql("SELECT count(*) FROM trader WHERE id_number_hash = ?").param(hash).query(Long.class).single() > 0;
    }

    boolean phoneTaken(byte[] hash) {
        return db.sql("SELECT count(*) FROM trader WHERE phone_hash = ?").param(hash).query(Long.class).single() > 0;
    }

    Optional<Trader> find(UUID id) {
        return db.sql("SELECT * FROM trader WHERE id = ?").param(id).query(TraderRepository::map).optional();
    }

    Optional<Trader> findByPhoneHash(byte[] hash) {
        return db.sql("SELECT * FROM trader WHERE phone_hash = ?").param(hash).query(TraderRepository::map).optional();
    }

    Optional<Trader> findByIdHash(byte[] hash) {
        return db.sql("SELECT * FROM trader WHERE id_number_hash = ?").param(hash).query(TraderRepository::map)
                .optional();
    }

    record Secrets(byte[] idEnc, byte[] phoneEnc) {
    }

    Secrets secrets(UUID id) {
        return db.sql("SELECT id_number_enc, phone_enc FROM trader WHERE id = ?").param(id)
                .query((rs, n) -> new Secrets(rs.getBytes(1), rs.getBytes(2))).single();
    }

    void markPhoneVerified(UUID id, Instant at) {
        db.sql("UPDATE trader SET phone_verified_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    /** Codes of the markets a trader belongs to: where onboarded and where they hold an open lease. */
    Set<String> marketCodes(UUID traderId) {
        return Set.copyOf(db.sql("""
                SELECT m.code FROM market m WHERE m.id = (SELECT market_id FROM trader WHERE id = ?)
                UNION SELECT m.code FROM lease l JOIN market m ON m.id = l.market_id
                WHERE l.trader_id = ? AND l.ends_on IS NULL""")
                .params(traderId, traderId).query(String.class).list());
    }

    /** Traders whose home market or an open lease lies in the scope, by folded name prefix. */
    List<Trader> search(Scope.SqlFilter scope, List<String> words, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT t.* FROM trader t WHERE (
                  t.market_id IN (SELECT m.id FROM market m WHERE %s)
                  OR t.id IN (SELECT l.trader_id FROM lease l JOIN market m ON m.id = l.market_id
                              WHERE l.ends_on IS NULL AND %s))""".formatted(scope.condition(), scope.condition()));
        List<Object> params = new ArrayList<>(scope.params());
        params.addAll(scope.params());
        for (String w : words) {
            sql.append(" AND (' ' || t.name_key) LIKE ?");
            params.add("% " + w + "%");
        }
        sql.append(" ORDER BY t.name_key LIMIT ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query(TraderRepository::map).list();
    }

    // --- accounts

    record AccountRow(UUID id, UUID marketId, UUID traderId, ReceivingAccount.Kind kind, String bin, byte[] enc,
                      byte[] hash, String last4, String holder, boolean matches, String confirmedBy, String reason,
                      Instant at) {
    }

    /**
     * Stores an account; returns whether it is active. A number already registered (at another bank, or by another
     * person) waits for a board's review: the first owner's payments go on reaching the first owner.
     */
    boolean insertAccount(AccountRow a, byte[] numberHash) {
        lockNumber(numberHash);
        return "ACTIVE".equals(db.sql("""
                INSERT INTO receiving_account (id, market_id, trader_id, kind, bin, account_enc, account_hash,
                    account_last4, holder_name, name_matches, confirmed_by, confirm_reason, created_at, number_hash,
                    review_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM receiving_account
                    WHERE number_hash = ? AND review_status <> 'REFUSED') THEN 'PENDING_REVIEW' ELSE 'ACTIVE' END)
                RETURNING review_status""")
                .params(a.id(), a.marketId(), a.traderId(), a.kind().name(), a.bin(), a.enc(), a.hash(), a.last4(),
                        a.holder(), a.matches(), a.confirmedBy(), a.reason(), Timestamp.from(a.at()), numberHash,
                        numberHash)
                .query(String.class).single());
    }

    /** Two registrations of one number at once must not both see the number free: one waits for the other. */
    void lockNumber(byte[] numberHash) {
        db.sql("SELECT pg_advisory_xact_lock(?)").param(java.nio.ByteBuffer.wrap(numberHash).getLong())
                .query((rs, n) -> 1).list();
    }

    boolean accountTaken(String bin, byte[] hash) {
        return db.sql("SELECT count(*) FROM receiving_account WHERE bin = ? AND account_hash = ?")
                .params(bin, hash).query(Long.class).single() > 0;
    }

    List<ReceivingAccount> accounts(UUID traderId) {
        return db.sql("SELECT * FROM receiving_account WHERE trader_id = ? ORDER BY created_at").param(traderId)
                .query((rs, n) -> new ReceivingAccount(rs.getObject("id", UUID.class),
                        rs.getObject("trader_id", UUID.class), rs.getObject("market_id", UUID.class),
                        ReceivingAccount.Kind.valueOf(rs.getString("kind")), rs.getString("bin"),
                        rs.getString("account_last4"), rs.getString("holder_name"), rs.getBoolean("name_matches"),
                        rs.getString("confirmed_by"), rs.getString("confirm_reason"), rs.getString("review_status")))
                .list();
    }

    List<byte[]> accountSecrets(UUID traderId) {
        return db.sql("SELECT account_enc FROM receiving_account WHERE trader_id = ? ORDER BY created_at")
                .param(traderId).query((rs, n) -> rs.getBytes(1)).list();
    }

    // --- leases

    Optional<UUID> openLeaseOn(UUID stallId) {
        return db.sql("SELECT trader_id FROM lease WHERE stall_id = ? AND ends_on IS NULL").param(stallId)
                .query(UUID.class).optional();
    }

    /** The day the stall's last ended lease ended (a new lease starts after it). */
    Optional<LocalDate> lastLeaseEnd(UUID stallId) {
        return db.sql("SELECT max(ends_on) FROM lease WHERE stall_id = ?").param(stallId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().filter(java.util.Objects::nonNull);
    }

    /**
     * SQL: nobody leases stall {@code s} on the day given as its one parameter. An end date is a leased day, so a
     * stall whose lease ends today is not free today (its leases would overlap).
     */
    static final String FREE_ON_DAY = """
            NOT EXISTS (SELECT 1 FROM lease l WHERE l.stall_id = s.id AND (l.ends_on IS NULL OR l.ends_on >= ?))""";

    /** A market's stalls nobody leases on the day, in walking order (zone, then code as people count). */
    List<String> freeStallCodes(UUID marketId, LocalDate day) {
        return db.sql("SELECT s.code FROM stall s JOIN market_zone z ON z.id = s.zone_id WHERE s.market_id = ? AND "
                + FREE_ON_DAY + " ORDER BY z.code, length(s.code), s.code LIMIT 2000").params(marketId, day)
                .query(String.class).list();
    }

    void insertLease(UUID id, UUID marketId, UUID stallId, UUID traderId, LocalDate startsOn, Instant at) {
        db.sql("""
                INSERT INTO lease (id, market_id, stall_id, trader_id, starts_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, marketId, stallId, traderId, startsOn, Timestamp.from(at)).update();
    }

    void endLease(UUID leaseId, LocalDate endsOn) {
        db.sql("UPDATE lease SET ends_on = ? WHERE id = ? AND ends_on IS NULL").params(endsOn, leaseId).update();
    }

    void setDefaultAccount(UUID stallId, UUID marketId, UUID accountId, Instant at) {
        db.sql("""
                INSERT INTO stall_default_account (stall_id, market_id, account_id, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (stall_id) DO UPDATE SET account_id = excluded.account_id, set_at = excluded.set_at""")
                .params(stallId, marketId, accountId, Timestamp.from(at)).update();
    }

    List<Lease> leases(UUID traderId) {
        return db.sql("""
                SELECT l.*, m.code AS market_code, m.name AS market_name, s.code AS stall_code, d.account_id
                FROM lease l JOIN market m ON m.id = l.market_id JOIN stall s ON s.id = l.stall_id
                LEFT JOIN stall_default_account d ON d.stall_id = l.stall_id
                WHERE l.trader_id = ? ORDER BY l.starts_on, s.code""")
                .param(traderId)
                .query((rs, n) -> new Lease(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                        rs.getString("market_code"), rs.getString("market_name"), rs.getObject("stall_id", UUID.class),
                        rs.getString("stall_code"),
                        rs.getObject("trader_id", UUID.class), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getObject("account_id", UUID.class)))
                .list();
    }

    private static Trader map(ResultSet rs, int row) throws SQLException {
        Timestamp verified = rs.getTimestamp("phone_verified_at");
        return new Trader(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                rs.getString("full_name"), CitizenId.Kind.valueOf(rs.getString("id_kind")),
                rs.getString("id_number_last4"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("phone_last4"), verified == null ? null : verified.toInstant(), rs.getString("tax_code"),
                rs.getTimestamp("consent_at").toInstant(), rs.getString("consent_version"));
    }
}
