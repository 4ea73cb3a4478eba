package vn.cho40.trader;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRequestRepository {

    private final JdbcClient db;

    AccountRequestRepository(JdbcClient db) {
        this.db = db;
    }

    record NewRow(UUID id, UUID marketId, UUID traderId, ReceivingAccount.Kind kind, String bin, byte[] enc,
                  byte[] hash, String last4, String holder, boolean matches, String note, Instant at) {
    }

    void insert(NewRow r) {
        db.sql("""
                INSERT INTO receiving_account_request (id, market_id, trader_id, kind, bin, account_enc, account_hash,
                    account_last4, holder_name, name_matches, trader_note, status, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(r.id(), r.marketId(), r.traderId(), r.kind().name(), r.bin(), r.enc(), r.hash(), r.last4(),
                        r.holder(), r.matches(), r.note(), Timestamp.from(r.at()))
                .update();
    }

    boolean pendingExists(UUID traderId, String bin, byte[] hash) {
        return db.sql("""
                SELECT count(*) FROM receiving_account_request
                WHERE trader_id = ? AND bin = ? AND account_hash = ? AND status = 'PENDING'""")
                .params(traderId, bin, hash).query(Long.class).single() > 0;
    }

    List<AccountRequest> ofTrader(UUID traderId, boolean pendingOnly) {
        return db.sql("SELECT * FROM receiving_account_request WHERE trader_id = ?"
                        + (pendingOnly ? " AND status = 'PENDING'" : "") + " ORDER BY requested_at DESC LIMIT 50")
                .param(traderId).query(AccountRequestRepository::map).list();
    }

    /** The pending request, locked so that two staff members cannot decide it twice. */
    Optional<AccountRequest> lockPending(UUID traderId, UUID id) {
        return db.sql("""
                SELECT * FROM receiving_account_request WHERE id = ? AND trader_id = ? AND status = 'PENDING'
                FOR UPDATE""")
                .params(id, traderId).query(AccountRequestRepository::map).optional();
    }

    byte[] accountEnc(UUID id) {
        return db.sql("SELECT account_enc FROM receiving_account_request WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    void decide(UUID id, AccountRequest.Status status, String by, Instant at, String reason, UUID accountId) {
        db.sql("""
                UPDATE receiving_account_request SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
                    account_id = ? WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, Timestamp.from(at), reason, accountId, id).update();
    }

    private static AccountRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new AccountRequest(rs.getObject("id", UUID.class), rs.getObject("trader_id", UUID.class),
                rs.getObject("market_id", UUID.class), ReceivingAccount.Kind.valueOf(rs.getString("kind")),
                rs.getString("bin"), rs.getString("account_last4"), rs.getString("holder_name"),
                rs.getBoolean("name_matches"), rs.getString("trader_note"),
                AccountRequest.Status.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("decision_reason"));
    }
}
