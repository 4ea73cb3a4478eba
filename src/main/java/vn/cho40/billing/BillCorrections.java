package vn.cho40.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
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
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.Violation;

/**
 * Corrections of an issued bill, which is never edited: a credit note (hóa đơn điều chỉnh giảm) takes an amount off
 * it, charge by charge, and an adjusting bill (điều chỉnh tăng) asks for more, with its own code and QR. Each is a bill
 * of its own that points at the original, numbered in the market's sequence, booked in the ledger and audited. What
 * a credit note takes off a bill still owed lowers what it asks for; the rest (the bill was paid) becomes the
 * trader's credit, which the next bill uses.
 */
@Service
public class BillCorrections {

    private final JdbcClient db;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final vn.cho40.payment.FreshPaymentCodes codes;
    private final vn.cho40.einvoice.EInvoices einvoices;

    BillCorrections(JdbcClient db, Ledger ledger, AuditLog audit, Clock clock, vn.cho40.payment.FreshPaymentCodes codes,
                    vn.cho40.einvoice.EInvoices einvoices) {
        this.einvoices = einvoices;
        this.db = db;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.codes = codes;
    }

    private record Original(UUID id, UUID traderId, UUID stallId, UUID leaseId, String number, String kind,
                            LocalDate periodStart, LocalDate periodEnd, long totalVnd, long dueVnd, long creditedBefore) {
    }

    @Transactional
    public UUID creditNote(Market m, UUID billId, String amountText, String reason, String by) {
        Original o = original(m, billId);
        long room = o.totalVnd() - o.creditedBefore();
        List<Violation> problems = new ArrayList<>();
        long amount = amount(amountText, room, problems);
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = insert(m, o, "CREDIT_NOTE", -amount, "CREDITED", null, LocalDate.now(clock.withZone(VnFormats.VIETNAM)),
                by);
        List<Ledger.Line> entries = new ArrayList<>();
        int line = 0;
        for (var share : ChargeShares.of(db, o.id(), amount)) {
            entries.add(new Ledger.Line(Accounts.revenue(share.getKey()), share.getValue()));
            line(id, ++line, m, share.getKey(), "Điều chỉnh giảm hóa đơn " + o.number() + ": " + why, -share.getValue());
        }
        // What the bill still owed is taken off it; anything beyond (it was paid) is owed back as credit.
        long applied = Math.min(amount, o.dueVnd());
        if (applied > 0) {
            entries.add(new Ledger.Line(Accounts.receivable(o.traderId()), -applied));
            db.sql("""
                    UPDATE bill SET credited_vnd = credited_vnd + ?, status = CASE WHEN paid_vnd + waived_vnd + credited_vnd
                        + ? >= total_vnd THEN (CASE WHEN paid_vnd = 0 THEN 'CREDITED' ELSE 'PAID' END) ELSE status END
                    WHERE id = ?""").params(applied, applied, o.id()).update();
        }
        if (amount > applied) {
            entries.add(new Ledger.Line(Accounts.credit(o.traderId()), -(amount - applied)));
        }
        ledger.post(new Ledger.Posting(m.id(), null, "bill:" + id, null, "Điều chỉnh giảm " + o.number(), entries));
        if (einvoices.requested("bill:" + o.id())) {
            // The bill's e-documents are asked for (it was paid in full): they are adjusted, never changed. A bill not
            // yet documented states the net when it is (its document reads its credit notes).
            einvoices.requestAdjustment(m.id(), "bill:" + id, "bill:" + o.id(), "Điều chỉnh giảm theo hóa đơn phí "
                    + o.number() + ": " + why);
        }
        audit.record("BILL_CREDIT_NOTE", "bill", o.id(), m.id(), m.provinceCode(), o.number() + " − "
                + Money.vnd(amount).format() + ": " + why);
        return id;
    }

    @Transactional
    public UUID adjustingBill(Market m, UUID billId, String chargeName, String amountText, String reason, String by) {
        Original o = original(m, billId);
        List<Violation> problems = new ArrayList<>();
        Charge charge = null;
        try {
            charge = Charge.valueOf(chargeName == null ? "" : chargeName);
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of("charge", "billing.rate.charge"));
        }
        long amount = amount(amountText, 1_000_000_000L, problems);
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate today = LocalDate.now(clock.withZone(VnFormats.VIETNAM));
        UUID id = insert(m, o, "ADJUSTMENT", amount, "OPEN", codes.one(), today.plusDays(10), by);
        line(id, 1, m, charge.name(), "Điều chỉnh tăng hóa đơn " + o.number() + ": " + why, amount);
        ledger.post(new Ledger.Posting(m.id(), null, "bill:" + id, null, "Điều chỉnh tăng " + o.number(),
                List.of(new Ledger.Line(Accounts.receivable(o.traderId()), amount),
                        new Ledger.Line(Accounts.revenue(charge.name()), -amount))));
        audit.record("BILL_ADJUSTMENT", "bill", o.id(), m.id(), m.provinceCode(), o.number() + " + "
                + Money.vnd(amount).format() + ": " + why);
        return id;
    }

    /** The corrections of a bill, oldest first. */
    public List<Bills.View> of(UUID billId) {
        return db.sql(Bills.SELECT_VIEW + " WHERE b.corrects = ? ORDER BY b.created_at").param(billId)
                .query(Bills::map).list();
    }

    private Original original(Market m, UUID billId) {
        return db.sql("""
                SELECT b.id, b.trader_id, b.stall_id, b.lease_id, b.number, b.kind, b.period_start, b.period_end,
                       b.total_vnd, greatest(0, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd),
                       coalesce((SELECT -sum(c.total_vnd) FROM bill c WHERE c.corrects = b.id AND c.kind = 'CREDIT_NOTE'), 0)
                FROM bill b WHERE b.id = ? AND b.market_id = ? AND b.kind <> 'CREDIT_NOTE' FOR UPDATE OF b""")
                .params(billId, m.id())
                .query((rs, n) -> new Original(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11)))
                .optional().orElseThrow(() -> new NotFoundException("billing.bill.notFound", billId));
    }

    private UUID insert(Market m, Original o, String kind, long total, String status, String code, LocalDate dueOn,
                        String by) {
        LocalDate today = LocalDate.now(clock.withZone(VnFormats.VIETNAM));
        int year = today.getYear();
        int number = db.sql("""
                INSERT INTO bill_number_sequence (market_id, year, last) VALUES (?, ?, 1)
                ON CONFLICT (market_id, year) DO UPDATE SET last = bill_number_sequence.last + 1 RETURNING last""")
                .params(m.id(), year).query(Integer.class).single();
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO bill (id, market_id, number, kind, corrects, stall_id, trader_id, lease_id, period_start,
                                  period_end, issued_on, due_on, total_vnd, status, payment_code, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, m.id(), BillingRuns.billNumber(m.code(), year, number), kind, o.id(), o.stallId(),
                        o.traderId(), o.leaseId(), o.periodStart(), o.periodEnd(), today, dueOn, total, status, code,
                        Timestamp.from(clock.instant()), by)
                .update();
        return id;
    }

    private void line(UUID billId, int n, Market m, String charge, String description, long amount) {
        db.sql("""
                INSERT INTO bill_line (bill_id, line, market_id, charge, description, unit, quantity_milli, unit_price_vnd,
                                       amount_vnd) VALUES (?, ?, ?, ?, ?, 'STALL_MONTH', 1000, ?, ?)""")
                .params(billId, n, m.id(), charge, description.length() > 300 ? description.substring(0, 300)
                        : description, amount, amount).update();
    }

    private static long amount(String text, long max, List<Violation> problems) {
        Optional<Money> a = Money.parse(text == null ? "" : text);
        if (a.isEmpty() || a.get().vnd() <= 0 || a.get().vnd() > max) {
            problems.add(Violation.of("amount", "billing.correction.amount", Money.vnd(Math.max(0, max)).format()));
            return 0;
        }
        return a.get().vnd();
    }

    private static String reason(String text, List<Violation> problems) {
        String why = SearchText.clean(text);
        if (why == null || why.length() < 3 || why.length() > 300) {
            problems.add(Violation.of("reason", "billing.correction.reason"));
        }
        return why;
    }
}
