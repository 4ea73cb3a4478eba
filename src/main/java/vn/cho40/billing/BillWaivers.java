package vn.cho40.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.ledger.Accounts;
import vn.cho40.ledger.Ledger;
import vn.cho40.market.Market;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * Waivers and discounts (hardship, a market closed for repairs, a disaster): asked for with a reason, decided by the
 * market's manager, who is never the person who asked. An approved waiver lowers what the bill still asks for (its QR
 * follows) and moves that part of the trader's debt to the board's allowances in the ledger, charge by charge; the
 * bill itself is never edited. Everything is audited.
 */
@Service
public class BillWaivers {

    public enum ReasonKind { HARDSHIP, CLOSED_FOR_REPAIRS, DISASTER, OTHER }

    public record Waiver(UUID id, UUID billId, String billNumber, String stallCode, String traderName, long amountVnd,
                         String reasonKind, String reason, String status, String requestedBy, Instant requestedAt,
                         String decidedBy, Instant decidedAt) {
    }

    private final JdbcClient db;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    BillWaivers(JdbcClient db, Ledger ledger, AuditLog audit, Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Waiver request(Market m, UUID billId, String amountText, String kind, String reason, String by) {
        Bills.View bill = openBill(m, billId);
        // One request at a time per bill: the manager decides it before another is asked (a second click waits here).
        db.sql("SELECT id FROM bill WHERE id = ? FOR UPDATE").param(billId).query(UUID.class).single();
        Optional<Long> pending = db.sql("SELECT amount_vnd FROM bill_waiver WHERE bill_id = ? AND status = 'REQUESTED'")
                .param(billId).query(Long.class).optional();
        if (pending.isPresent()) {
            throw new InvalidInputException(Violation.of("amount", "billing.waiver.pending",
                    Money.vnd(pending.get()).format()));
        }
        List<Violation> problems = new ArrayList<>();
        Optional<Money> amount = Money.parse(amountText == null ? "" : amountText);
        if (amount.isEmpty() || amount.get().vnd() <= 0 || amount.get().vnd() > bill.dueVnd()) {
            problems.add(Violation.of("amount", "billing.waiver.amount", Money.vnd(bill.dueVnd()).format()));
        }
        ReasonKind k = null;
        try {
            k = ReasonKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of("reasonKind", "billing.waiver.kind"));
        }
        String why = SearchText.clean(reason);
        if (why == null || why.length() < 3 || why.length() > 500) {
            problems.add(Violation.of("reason", "billing.waiver.reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO bill_waiver (id, market_id, bill_id, amount_vnd, reason_kind, reason, status, requested_by,
                    requested_at) VALUES (?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .params(id, m.id(), billId, amount.get().vnd(), k.name(), why, by, Timestamp.from(clock.instant()))
                .update();
        audit.record("BILL_WAIVER_REQUEST", "bill", billId, m.id(), m.provinceCode(), bill.number() + " · "
                + amount.get().format() + " · " + k + ": " + why);
        return get(m, id);
    }

    /** The manager approves: the bill asks for less, the ledger moves the debt to allowances, in one transaction. */
    @Transactional
    public Waiver approve(Market m, UUID id, String by) {
        Waiver w = pending(m, id, by);
        long[] bill = db.sql("""
                SELECT total_vnd - paid_vnd - waived_vnd - credited_vnd, paid_vnd FROM bill WHERE id = ? AND market_id = ?
                  AND status IN ('OPEN', 'PARTLY_PAID') FOR UPDATE""").params(w.billId(), m.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
                .orElseThrow(() -> new InvalidInputException(Violation.of("id", "billing.waiver.billClosed")));
        if (w.amountVnd() > bill[0]) {
            throw new InvalidInputException(Violation.of("id", "billing.waiver.moreThanDue",
                    Money.vnd(bill[0]).format()));
        }
        db.sql("""
                UPDATE bill SET waived_vnd = waived_vnd + ?, status = CASE WHEN paid_vnd + waived_vnd + credited_vnd + ? >= total_vnd
                    THEN (CASE WHEN paid_vnd = 0 THEN 'WAIVED' ELSE 'PAID' END) ELSE status END WHERE id = ?""")
                .params(w.amountVnd(), w.amountVnd(), w.billId()).update();
        UUID trader = db.sql("SELECT trader_id FROM bill WHERE id = ?").param(w.billId()).query(UUID.class).single();
        ledger.post(new Ledger.Posting(m.id(), null, "waiver:" + id, null, "Miễn giảm " + w.billNumber(),
                lines(w.billId(), trader, w.amountVnd())));
        db.sql("UPDATE bill_waiver SET status = 'APPROVED', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(by, Timestamp.from(clock.instant()), id).update();
        audit.record("BILL_WAIVER_APPROVE", "bill", w.billId(), m.id(), m.provinceCode(), w.billNumber() + " · "
                + Money.vnd(w.amountVnd()).format());
        return get(m, id);
    }

    @Transactional
    public Waiver refuse(Market m, UUID id, String by) {
        Waiver w = pending(m, id, by);
        db.sql("UPDATE bill_waiver SET status = 'REFUSED', decided_by = ?, decided_at = ? WHERE id = ?")
                .params(by, Timestamp.from(clock.instant()), id).update();
        audit.record("BILL_WAIVER_REFUSE", "bill", w.billId(), m.id(), m.provinceCode(), w.billNumber());
        return get(m, id);
    }

    public List<Waiver> ofMarket(UUID marketId) {
        return db.sql(SELECT + " WHERE w.market_id = ? ORDER BY w.status <> 'REQUESTED', w.requested_at DESC LIMIT 200")
                .param(marketId).query(BillWaivers::map).list();
    }

    public List<Waiver> ofBill(UUID billId) {
        return db.sql(SELECT + " WHERE w.bill_id = ? ORDER BY w.requested_at").param(billId).query(BillWaivers::map)
                .list();
    }

    /**
     * The allowance split over the bill's charges, largest line first, so the board's report says what it gave up
     * per charge; the trader's debt goes down by the whole amount.
     */
    private List<Ledger.Line> lines(UUID billId, UUID trader, long amount) {
        List<Ledger.Line> lines = new ArrayList<>();
        ChargeShares.of(db, billId, amount).forEach(s -> lines.add(new Ledger.Line(Accounts.waiver(s.getKey()),
                s.getValue())));
        lines.add(new Ledger.Line(Accounts.receivable(trader), -amount));
        return lines;
    }

    private Waiver pending(Market m, UUID id, String by) {
        Waiver w = db.sql(SELECT + " WHERE w.id = ? AND w.market_id = ? FOR UPDATE OF w").params(id, m.id())
                .query(BillWaivers::map).optional()
                .orElseThrow(() -> new NotFoundException("billing.waiver.notFound", id));
        if (!w.status().equals("REQUESTED")) {
            throw new InvalidInputException(Violation.of("id", "billing.waiver.decided"));
        }
        if (w.requestedBy().equals(by)) {
            throw new InvalidInputException(Violation.of("id", "billing.waiver.ownRequest"));
        }
        return w;
    }

    private Bills.View openBill(Market m, UUID billId) {
        return db.sql(Bills.SELECT_VIEW + " WHERE b.id = ? AND b.market_id = ?").params(billId, m.id())
                .query(Bills::map).optional().filter(Bills.View::open)
                .orElseThrow(() -> new InvalidInputException(Violation.of("amount", "billing.waiver.billClosed")));
    }

    private Waiver get(Market m, UUID id) {
        return db.sql(SELECT + " WHERE w.id = ? AND w.market_id = ?").params(id, m.id()).query(BillWaivers::map).single();
    }

    private static final String SELECT = """
            SELECT w.id, w.bill_id, b.number, s.code, t.full_name, w.amount_vnd, w.reason_kind, w.reason, w.status,
                   w.requested_by, w.requested_at, w.decided_by, w.decided_at
            FROM bill_waiver w JOIN bill b ON b.id = w.bill_id JOIN stall s ON s.id = b.stall_id
            JOIN trader t ON t.id = b.trader_id""";

    private static Waiver map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(13);
        return new Waiver(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toInstant(), rs.getString(12), decided == null ? null : decided.toInstant());
    }
}
