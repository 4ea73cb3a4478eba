package vn.cho40.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Scope;
import vn.cho40.ledger.Ledger;
import vn.cho40.market.Market;
import vn.cho40.market.Stall;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;
import vn.cho40.trader.StallAccounts;

/**
 * The exceptions queue: credits the matcher could not place, for a market board to work through. A board
 * assigns one to a stall (its trader is credited, posted to the ledger and told, as if matched) or marks it
 * as not the market's with a reason. Each decision is audited; a decided payment is never decided again.
 */
@Service
public class PaymentExceptions {

    /**
     * One waiting payment as a board sees it: account and numbers in the text masked. {@code provinceCode} is the
     * province of the credential that received it (null when not configured), which holds it while no market is known.
     */
    public record Item(UUID id, Instant bookedAt, String provider, long amountVnd, String accountMasked,
                       String text, String reason, String paymentCode, UUID marketId, String marketCode,
                       String marketName, String provinceCode) {
    }

    private final JdbcClient db;
    private final FieldCipher cipher;
    private final StallAccounts accounts;
    private final Ledger ledger;
    private final List<PaymentCodes> codes;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    PaymentExceptions(JdbcClient db, FieldCipher cipher, StallAccounts accounts, Ledger ledger,
                      List<PaymentCodes> codes, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.accounts = accounts;
        this.ledger = ledger;
        this.codes = codes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String SELECT = """
            SELECT e.id, e.booked_at, e.provider, e.amount_vnd, e.receiving_account_last4, e.transfer_text_enc,
                   e.exception_reason, e.payment_code, e.market_id, m.code, m.name, e.province_code
            FROM payment_event e LEFT JOIN market m ON m.id = e.market_id
            """;

    /**
     * Open exceptions inside the scope, oldest first. Those of no known market wait in the province whose provider
     * credential received them (national staff see them all); a commune or market sees only its markets'.
     */
    public List<Item> open(Scope scope, int limit) {
        Scope.SqlFilter filter = inScope(scope);
        List<Object> params = new ArrayList<>(filter.params());
        params.add(Math.min(Math.max(limit, 1), 500));
        return db.sql(SELECT + " WHERE e.status = 'EXCEPTION' AND " + filter.condition()
                        + " ORDER BY e.created_at LIMIT ?")
                .params(params).query(this::map).list();
    }

    /** How many exceptions wait in the scope, the same ones {@link #open} lists (for to-do counts and homes). */
    public long count(Scope scope) {
        Scope.SqlFilter filter = inScope(scope);
        return db.sql("SELECT count(*) FROM payment_event e LEFT JOIN market m ON m.id = e.market_id "
                        + "WHERE e.status = 'EXCEPTION' AND " + filter.condition())
                .params(filter.params()).query(Long.class).single();
    }

    /** Whether a user of this scope may work the exception (its market is checked separately when it has one). */
    public static boolean unplacedVisibleTo(Item item, Scope scope) {
        return scope.kind() == Scope.Kind.NATIONAL
                || (scope.kind() == Scope.Kind.PROVINCE && scope.code().equals(item.provinceCode()));
    }

    /** The scope's markets, and for a province also the unplaced exceptions its credentials received. */
    private static Scope.SqlFilter inScope(Scope scope) {
        Scope.SqlFilter markets = scope.sql();
        if (scope.kind() != Scope.Kind.PROVINCE) {
            return markets;
        }
        List<Object> params = new ArrayList<>(markets.params());
        params.add(scope.code());
        return new Scope.SqlFilter("(" + markets.condition() + " OR (e.market_id IS NULL AND e.province_code = ?))",
                params);
    }

    public Item get(UUID id) {
        return db.sql(SELECT + " WHERE e.id = ? AND e.status = 'EXCEPTION'").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("payment.exception.notFound", id));
    }

    /** Credits the trader of {@code stall} in {@code market}; the caller has checked the user may. */
    @Transactional
    public void assign(UUID id, Market market, Stall stall, String note, String by) {
        Item item = lock(id);
        if (item.marketId() != null && !item.marketId().equals(market.id())) {
            throw new InvalidInputException(Violation.of("stall", "payment.exception.otherMarket"));
        }
        UUID trader = accounts.currentTrader(stall.id()).orElseThrow(() ->
                new InvalidInputException(Violation.of("stall", "payment.exception.noTrader", stall.code())));
        record Reached(byte[] hash, String bin) {
        }
        Reached reached = db.sql("SELECT receiving_account_hash, receiving_bin FROM payment_event WHERE id = ?").param(id)
                .query((rs, n) -> new Reached(rs.getBytes(1), rs.getString(2))).single();
        // The money is in the account it reached: crediting another account's stall needs a person's reason.
        boolean otherAccount = !accounts.reachedDefault(stall.id(), reached.hash(), reached.bin());
        String why = SearchText.clean(note);
        if (otherAccount && (why == null || why.length() < 5)) {
            throw new InvalidInputException(Violation.of("note", "payment.exception.otherAccountReason", stall.code()));
        }
        Instant now = clock.instant();
        db.sql("""
                UPDATE payment_event SET status = 'MATCHED', market_id = ?, stall_id = ?, trader_id = ?, matched_at = ?,
                    resolved_by = ?, resolved_at = ?, resolution_note = ? WHERE id = ?""")
                .params(market.id(), stall.id(), trader, Timestamp.from(now), by, Timestamp.from(now),
                        SearchText.clean(note), id).update();
        // An event credited before and undone already has its own transaction (reversed): this one names it.
        boolean booked = ledger.booked(id);
        ledger.post(new Ledger.Posting(market.id(), booked ? null : id, booked ? "payment:" + id : null, null,
                "assigned by " + by, Ledger.payment(item.provider(), trader, item.amountVnd())));
        audit.record(otherAccount ? "PAYMENT_ASSIGN_OTHER_ACCOUNT" : "PAYMENT_ASSIGN", "payment_event", id, market.id(),
                market.provinceCode(), "quầy " + stall.code() + (why == null || why.isBlank() ? "" : ": " + why));
        events.publishEvent(new PaymentMatched(id, market.id(), stall.id(), trader, item.amountVnd(),
                item.bookedAt(), item.paymentCode()));
    }

    /** A payment a person credited to a stall, as the board sees it, to undo if it went to the wrong stall. */
    public record Assigned(UUID id, Instant bookedAt, long amountVnd, String stallCode, String marketCode,
                           String resolvedBy, Instant resolvedAt, String note) {
    }

    /** Payments credited by hand in the last 30 days inside the scope, newest first. */
    public List<Assigned> recentlyAssigned(Scope scope, int limit) {
        Scope.SqlFilter filter = scope.sql();
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(30))));
        params.addAll(filter.params());
        params.add(Math.min(Math.max(limit, 1), 200));
        return db.sql("""
                SELECT e.id, e.booked_at, e.amount_vnd, s.code, m.code, e.resolved_by, e.resolved_at, e.resolution_note
                FROM payment_event e JOIN market m ON m.id = e.market_id JOIN stall s ON s.id = e.stall_id
                WHERE e.status = 'MATCHED' AND e.resolved_by IS NOT NULL AND e.resolved_at >= ? AND\s"""
                        + filter.condition() + " ORDER BY e.resolved_at DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new Assigned(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getString(8))).list();
    }

    /**
     * Takes a credited payment back from the trader it was credited to (a person put it on the wrong stall): the
     * ledger transaction is reversed, the payment waits in the queue again to be assigned right, and
     * {@link PaymentReversed} tells the modules that counted it. Needs a reason; the caller has checked the user may.
     */
    @Transactional
    public void undo(UUID id, Market market, String note, String by) {
        record Credited(UUID marketId, UUID stallId, UUID traderId, long amount, Instant bookedAt, String status) {
        }
        Credited c = db.sql("""
                SELECT market_id, stall_id, trader_id, amount_vnd, booked_at, status FROM payment_event
                WHERE id = ? FOR UPDATE""").param(id)
                .query((rs, n) -> new Credited(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getLong(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .optional().filter(x -> market.id().equals(x.marketId()))
                .orElseThrow(() -> new vn.cho40.shared.NotFoundException("payment.exception.notFound", id));
        if (!"MATCHED".equals(c.status()) || c.traderId() == null) {
            throw new InvalidInputException(Violation.of("note", "payment.undo.notCredited"));
        }
        String why = SearchText.clean(note);
        if (why == null || why.strip().length() < 5) {
            throw new InvalidInputException(Violation.of("note", "payment.undo.reason.missing"));
        }
        UUID original = ledger.standing(id).orElseThrow(() -> new IllegalStateException("payment " + id + " unbooked"));
        ledger.reverse(original, "reversal:" + id, "undone by " + by + ": " + why.strip());
        Instant now = clock.instant();
        db.sql("""
                UPDATE payment_event SET status = 'EXCEPTION', exception_reason = 'REVERSED', stall_id = NULL,
                    trader_id = NULL, matched_at = NULL, resolved_by = ?, resolved_at = ?, resolution_note = ?
                WHERE id = ?""")
                .params(by, java.sql.Timestamp.from(now), why.strip(), id).update();
        String stall = db.sql("SELECT code FROM stall WHERE id = ?").param(c.stallId()).query(String.class).optional()
                .orElse("?");
        audit.record("PAYMENT_UNDO", "payment_event", id, market.id(), market.provinceCode(),
                "quầy " + stall + ": " + why.strip());
        events.publishEvent(new PaymentReversed(id, market.id(), c.stallId(), c.traderId(), c.amount(), c.bookedAt()));
    }

    /**
     * Settles the bill (or order) whose payment code the cashier names, when the transfer carried no usable code:
     * the issuer of the code posts and records the settlement. The code must belong to this market; money that
     * reached another account than the code's needs a reason, as for a stall.
     */
    @Transactional
    public void assignToCode(UUID id, Market market, String code, String note, String by) {
        Item item = lock(id);
        if (item.marketId() != null && !item.marketId().equals(market.id())) {
            throw new InvalidInputException(Violation.of("code", "payment.exception.otherMarket"));
        }
        String typed = code == null ? "" : code.replace(" ", "").strip().toUpperCase(java.util.Locale.ROOT);
        // A bill's printed number will do too: its issuer says which code it carries.
        String wanted = vn.cho40.shared.PaymentCode.isValid(typed) ? typed : codes.stream()
                .map(c -> c.codeOf(typed)).flatMap(Optional::stream).findFirst().orElse(typed);
        if (!vn.cho40.shared.PaymentCode.isValid(wanted)) {
            throw new InvalidInputException(Violation.of("code", "payment.exception.codeInvalid", code));
        }
        PaymentCodes issuer = null;
        PaymentCodes.Target target = null;
        for (PaymentCodes c : codes) {
            var t = c.find(wanted);
            if (t.isPresent() && t.get().settles()) {
                issuer = c;
                target = t.get();
                break;
            }
        }
        if (target == null || !target.marketId().equals(market.id())) {
            throw new InvalidInputException(Violation.of("code", "payment.exception.codeUnknown", wanted, market.name()));
        }
        if (target.revoked()) {
            throw new InvalidInputException(Violation.of("code", "payment.exception.codeRevoked", wanted));
        }
        byte[] reached = db.sql("SELECT receiving_account_hash FROM payment_event WHERE id = ?").param(id)
                .query(byte[].class).single();
        boolean otherAccount = !java.util.Arrays.equals(reached, target.accountNumberHash());
        String why = SearchText.clean(note);
        if (otherAccount && (why == null || why.length() < 5)) {
            throw new InvalidInputException(Violation.of("note", "payment.exception.otherAccountReasonCode", wanted));
        }
        Instant now = clock.instant();
        db.sql("""
                UPDATE payment_event SET status = 'SETTLED', market_id = ?, stall_id = ?, trader_id = ?, matched_at = ?,
                    payment_code = ?, resolved_by = ?, resolved_at = ?, resolution_note = ? WHERE id = ?""")
                .params(market.id(), target.stallId(), target.traderId(), Timestamp.from(now), wanted, by,
                        Timestamp.from(now), why, id).update();
        issuer.settle(new PaymentCodes.Settlement(id, market.id(), item.provider(), item.amountVnd(), item.bookedAt(),
                List.of(wanted)));
        audit.record(otherAccount ? "PAYMENT_ASSIGN_CODE_OTHER_ACCOUNT" : "PAYMENT_ASSIGN_CODE", "payment_event", id,
                market.id(), market.provinceCode(), wanted + (why == null || why.isBlank() ? "" : ": " + why));
    }

    /** Not this market's money (a wrong transfer, a test call): closed with the reason, nothing posted. */
    @Transactional
    public void notOurs(UUID id, String reason, String by, String provinceCode) {
        String why = SearchText.clean(reason);
        if (why == null || why.length() < 3) {
            throw new InvalidInputException(Violation.of("reason", "payment.exception.reasonRequired"));
        }
        Item item = lock(id);
        Instant now = clock.instant();
        db.sql("UPDATE payment_event SET status = 'NOT_OURS', resolved_by = ?, resolved_at = ?, resolution_note = ? "
                + "WHERE id = ?").params(by, Timestamp.from(now), why, id).update();
        audit.record("PAYMENT_NOT_OURS", "payment_event", id, item.marketId(), provinceCode, why);
    }

    private Item lock(UUID id) {
        db.sql("SELECT id FROM payment_event WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
        return get(id);
    }

    private Item map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        byte[] text = rs.getBytes(6);
        return new Item(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4),
                Mask.lastFour(rs.getString(5)), text == null ? "" : Mask.numbersIn(cipher.decrypt("transfer_text", text)),
                rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11),
                rs.getString(12));
    }
}
