package vn.cho40.trader;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * A board's review of receiving-account numbers registered a second time. Until approved, such an account receives
 * nothing and gets no sign, so the first owner keeps hearing their payments. Approving makes the number one that
 * payments must name the bank of (those that do not wait in the queue); refusing keeps the row as history.
 */
@Service
public class AccountReviews {

    /** An account waiting for review, and the accounts already registered with its number (masked). */
    public record Pending(UUID id, UUID traderId, String traderName, String marketCode, String marketName, String bin,
                          String last4, String holderName, Instant createdAt, List<Holder> others) {
    }

    /** Another registration of the same number, as much as a board needs to decide. */
    public record Holder(String traderName, String marketName, String bin, String status) {
    }

    private final JdbcClient db;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    AccountReviews(JdbcClient db, Access access, AuditLog audit, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Accounts waiting for review in the user's scope, oldest first. */
    public List<Pending> pending() {
        CurrentUser user = access.requirePermission(Permission.TRADER_EDIT);
        var filter = user.scope().sql();
        List<Object> params = new ArrayList<>(filter.params());
        record Row(UUID id, UUID traderId, String traderName, String marketCode, String marketName, String bin,
                   String last4, String holder, Instant at, byte[] numberHash) {
        }
        List<Row> rows = db.sql("""
                SELECT a.id, t.id, t.full_name, m.code, m.name, a.bin, a.account_last4, a.holder_name, a.created_at,
                       a.number_hash
                FROM receiving_account a JOIN trader t ON t.id = a.trader_id JOIN market m ON m.id = a.market_id
                WHERE a.review_status = 'PENDING_REVIEW' AND\s""" + filter.condition() + " ORDER BY a.created_at LIMIT 200")
                .params(params)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), rs.getBytes(10)))
                .list();
        return rows.stream().map(r -> new Pending(r.id(), r.traderId(), r.traderName(), r.marketCode(),
                r.marketName(), r.bin(), r.last4(), r.holder(), r.at(), others(r.id(), r.numberHash()))).toList();
    }

    /** How many accounts wait for review in the scope (the same ones {@link #pending} lists). */
    public long pendingCount(vn.cho40.identity.Scope scope) {
        var filter = scope.sql();
        return db.sql("SELECT count(*) FROM receiving_account a JOIN market m ON m.id = a.market_id "
                        + "WHERE a.review_status = 'PENDING_REVIEW' AND " + filter.condition())
                .params(filter.params()).query(Long.class).single();
    }

    private List<Holder> others(UUID id, byte[] numberHash) {
        return db.sql("""
                SELECT t.full_name, m.name, a.bin, a.review_status FROM receiving_account a
                JOIN trader t ON t.id = a.trader_id JOIN market m ON m.id = a.market_id
                WHERE a.number_hash = ? AND a.id <> ? ORDER BY a.created_at""")
                .params(numberHash, id)
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Approves (ACTIVE) or refuses (REFUSED) a pending account of the user's scope, with a note; audited. */
    @Transactional
    public void decide(UUID accountId, boolean approve, String note) {
        CurrentUser user = access.requirePermission(Permission.TRADER_EDIT);
        var filter = user.scope().sql();
        List<Object> params = new ArrayList<>();
        params.add(accountId);
        params.addAll(filter.params());
        record Place(UUID marketId, String province) {
        }
        Place place = db.sql("""
                SELECT m.id, m.province_code FROM receiving_account a JOIN market m ON m.id = a.market_id
                WHERE a.id = ? AND a.review_status = 'PENDING_REVIEW' AND\s""" + filter.condition()
                        + " FOR UPDATE OF a")
                .params(params).query((rs, n) -> new Place(rs.getObject(1, UUID.class), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFoundException("account.review.notFound", accountId));
        String why = SearchText.clean(note);
        if (why == null || why.length() < 5) {
            throw new InvalidInputException(Violation.of("note", "account.review.noteRequired"));
        }
        db.sql("""
                UPDATE receiving_account SET review_status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
                WHERE id = ?""")
                .params(approve ? "ACTIVE" : "REFUSED", user.username(), Timestamp.from(clock.instant()), why, accountId)
                .update();
        audit.record(approve ? "ACCOUNT_REVIEW_APPROVE" : "ACCOUNT_REVIEW_REFUSE", "receiving_account", accountId,
                place.marketId(), place.province(), why);
        if (approve) {
            // The stalls this account is the default of may now have a sign (none was made while it waited).
            List<UUID> stalls = db.sql("SELECT stall_id FROM stall_default_account WHERE account_id = ?")
                    .param(accountId).query(UUID.class).list();
            if (!stalls.isEmpty()) {
                events.publishEvent(new StallAccountChanged(place.marketId(), stalls));
            }
        }
    }
}
