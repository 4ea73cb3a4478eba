package vn.cho40.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import vn.cho40.shared.Violation;

/**
 * The cash desk: a cashier records cash paid against a bill (never more than is due), each payment gets a receipt
 * number of the market's day, and the day is closed with a count: what the desk should hold against what was
 * counted, the difference recorded. Cash is allowed, and counted apart: the share paid without cash is a KPI.
 */
@Service
public class CashDesk {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    public record Session(UUID id, LocalDate day, String cashier, long expectedVnd, Long countedVnd, int payments,
                          boolean closed) {
        public Long differenceVnd() {
            return countedVnd == null ? null : countedVnd - expectedVnd;
        }
    }

    public record Receipt(UUID id, String number, String billNumber, String stallCode, String traderName,
                          String payerName, long amountVnd, java.time.Instant paidAt, String cashier, long dueAfterVnd,
                          BillingPeriod period) {
    }

    private final JdbcClient db;
    private final Ledger ledger;
    private final BillDocuments documents;
    private final AuditLog audit;
    private final Clock clock;

    private final vn.cho40.outbox.Outbox outbox;

    CashDesk(JdbcClient db, Ledger ledger, BillDocuments documents, AuditLog audit, Clock clock,
             vn.cho40.outbox.Outbox outbox) {
        this.outbox = outbox;
        this.db = db;
        this.ledger = ledger;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VN));
    }

    public Optional<Session> session(Market m, String cashier, LocalDate day) {
        return db.sql("""
                SELECT s.id, s.business_day, s.cashier, coalesce(sum(p.amount_vnd), 0), s.counted_vnd, count(p.id),
                       s.closed_at IS NOT NULL
                FROM cash_session s LEFT JOIN bill_payment p ON p.cash_session_id = s.id
                WHERE s.market_id = ? AND s.cashier = ? AND s.business_day = ?
                GROUP BY s.id""").params(m.id(), cashier, day)
                .query((rs, n) -> new Session(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getLong(4), (Long) rs.getObject(5), rs.getInt(6), rs.getBoolean(7)))
                .optional();
    }

    /** A day of one cashier's desk as the cash book lists it: receipts, what they add up to, the count. */
    public record Day(UUID sessionId, LocalDate day, String cashier, int receipts, long expectedVnd, Long countedVnd,
                      String note, java.time.Instant closedAt) {
        public Long differenceVnd() {
            return countedVnd == null ? null : countedVnd - expectedVnd;
        }
    }

    /** The market's cash days of a month, newest first, open ones (not yet closed) included. */
    public List<Day> book(UUID marketId, java.time.YearMonth month) {
        return db.sql("""
                SELECT s.id, s.business_day, s.cashier, count(p.id), coalesce(sum(p.amount_vnd), 0), s.counted_vnd,
                       s.note, s.closed_at
                FROM cash_session s LEFT JOIN bill_payment p ON p.cash_session_id = s.id
                WHERE s.market_id = ? AND s.business_day BETWEEN ? AND ?
                GROUP BY s.id ORDER BY s.business_day DESC, s.cashier""")
                .params(marketId, month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> new Day(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getInt(4), rs.getLong(5), (Long) rs.getObject(6), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Records cash paid against a bill of this market; returns the receipt. All or nothing. */
    @Transactional
    public Receipt pay(Market m, UUID billId, long amountVnd, String payerName, String cashier) {
        return payAt(m, billId, amountVnd, payerName, cashier, clock.instant());
    }

    /** The same at a given moment, on that moment's business day: the demo's history of cash desks. */
    @Transactional
    Receipt payAt(Market m, UUID billId, long amountVnd, String payerName, String cashier, java.time.Instant at) {
        var bill = db.sql("""
                SELECT b.id, b.trader_id, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd, b.status, b.number
                FROM bill b WHERE b.id = ? AND b.market_id = ? FOR UPDATE""").params(billId, m.id())
                .query((rs, n) -> new Object[] {rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4),
                        rs.getString(5)})
                .optional().orElseThrow(() -> new InvalidInputException(Violation.of("bill", "billing.cash.noBill")));
        long due = (Long) bill[1];
        if (!List.of("OPEN", "PARTLY_PAID").contains((String) bill[2]) || due <= 0) {
            throw new InvalidInputException(Violation.of("bill", "billing.cash.paidAlready", bill[3]));
        }
        if (amountVnd <= 0) {
            throw new InvalidInputException(Violation.of("amount", "billing.cash.amount", amountVnd));
        }
        if (amountVnd > due) {
            throw new InvalidInputException(Violation.of("amount", "billing.cash.tooMuch",
                    vn.cho40.shared.Money.vnd(amountVnd).format(), vn.cho40.shared.Money.vnd(due).format()));
        }
        LocalDate day = LocalDate.ofInstant(at, VN);
        Timestamp now = Timestamp.from(at);
        db.sql("""
                INSERT INTO cash_session (id, market_id, cashier, business_day, opened_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (market_id, cashier, business_day) DO NOTHING""")
                .params(Ids.newId(clock), m.id(), cashier, day, now).update();
        var session = db.sql("""
                SELECT id, closed_at IS NOT NULL FROM cash_session WHERE market_id = ? AND cashier = ?
                AND business_day = ? FOR UPDATE""").params(m.id(), cashier, day)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getBoolean(2)}).single();
        if ((Boolean) session[1]) {
            throw new InvalidInputException(Violation.of("amount", "billing.cash.closed"));
        }
        // Receipt numbers run per market and day: the market's lock (its row) serialises the cashiers.
        db.sql("SELECT id FROM market WHERE id = ? FOR UPDATE").param(m.id()).query(UUID.class).single();
        int seq = db.sql("""
                SELECT count(*) + 1 FROM bill_payment p JOIN cash_session s ON s.id = p.cash_session_id
                WHERE s.market_id = ? AND s.business_day = ?""").params(m.id(), day).query(Integer.class).single();
        String receipt = "PT-" + m.code() + "-" + day.toString().replace("-", "") + "-" + String.format("%04d", seq);
        UUID id = Ids.newId(clock);
        String payer = payerName == null || payerName.isBlank() ? null : payerName.strip();
        db.sql("""
                INSERT INTO bill_payment (id, market_id, bill_id, method, amount_vnd, cash_session_id, receipt_number,
                                          payer_name, paid_at, recorded_by)
                VALUES (?, ?, ?, 'CASH', ?, ?, ?, ?, ?, ?)""")
                .params(id, m.id(), billId, amountVnd, session[0], receipt, payer, now, cashier).update();
        outbox.addBillPayments(m.id(), now.toInstant(), 1, amountVnd);
        db.sql("UPDATE bill SET paid_vnd = paid_vnd + ?, status = CASE WHEN paid_vnd + ? + waived_vnd + credited_vnd >= total_vnd "
                + "THEN 'PAID' ELSE 'PARTLY_PAID' END WHERE id = ?").params(amountVnd, amountVnd, billId).update();
        UUID trader = (UUID) bill[0];
        ledger.post(new Ledger.Posting(m.id(), null, "bill-cash:" + id, null, "Thu tiền mặt " + receipt,
                List.of(new Ledger.Line(Accounts.cash(), amountVnd), new Ledger.Line(Accounts.receivable(trader),
                        -amountVnd))));
        if (amountVnd == due) {
            documents.requestFor(billId);
        }
        audit.record("CASH_PAYMENT", "bill", billId, m.id(), m.provinceCode(), receipt + " " + amountVnd);
        return receipt(id).orElseThrow();
    }

    public Optional<Receipt> receipt(UUID paymentId) {
        return db.sql("""
                SELECT p.id, p.receipt_number, b.number, s.code, t.full_name, p.payer_name, p.amount_vnd, p.paid_at,
                       p.recorded_by, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd, b.period_start,
                       b.period_end
                FROM bill_payment p JOIN bill b ON b.id = p.bill_id JOIN stall s ON s.id = b.stall_id
                JOIN trader t ON t.id = b.trader_id WHERE p.id = ? AND p.method = 'CASH'""").param(paymentId)
                .query((rs, n) -> new Receipt(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getLong(10),
                        BillingPeriod.of(rs.getObject(11, java.time.LocalDate.class),
                                rs.getObject(12, java.time.LocalDate.class))))
                .optional();
    }

    /** The market of a cash payment, for scoping a receipt. */
    public Optional<UUID> marketOf(UUID paymentId) {
        return db.sql("SELECT market_id FROM bill_payment WHERE id = ? AND method = 'CASH'").param(paymentId)
                .query(UUID.class).optional();
    }

    public List<Receipt> receipts(UUID sessionId) {
        return db.sql("SELECT id FROM bill_payment WHERE cash_session_id = ? ORDER BY paid_at").param(sessionId)
                .query(UUID.class).list().stream().map(id -> receipt(id).orElseThrow()).toList();
    }

    /** Closes the cashier's day with the amount counted; the difference against the payments is recorded. */
    @Transactional
    public Session close(Market m, String cashier, long countedVnd, String note) {
        return closeDay(m, cashier, today(), countedVnd, note, clock.instant());
    }

    /** Closes a given day's cash at a given moment: the demo's history of cash desks. */
    @Transactional
    Session closeDay(Market m, String cashier, LocalDate day, long countedVnd, String note, java.time.Instant at) {
        if (countedVnd < 0) {
            throw new InvalidInputException(Violation.of("counted", "billing.cash.counted"));
        }
        Session s = session(m, cashier, day).orElseThrow(() ->
                new InvalidInputException(Violation.of("counted", "billing.cash.noSession")));
        if (s.closed()) {
            throw new InvalidInputException(Violation.of("counted", "billing.cash.closed"));
        }
        // A day closes once and for good: a count that differs from the receipts needs the cashier's explanation.
        if (countedVnd != s.expectedVnd() && (note == null || note.isBlank())) {
            throw new InvalidInputException(Violation.of("note", countedVnd < s.expectedVnd()
                    ? "billing.cash.shortNote" : "billing.cash.overNote",
                    vn.cho40.shared.Money.vnd(Math.abs(countedVnd - s.expectedVnd())).format()));
        }
        db.sql("""
                UPDATE cash_session SET expected_vnd = ?, counted_vnd = ?, closed_at = ?, note = ?
                WHERE id = ? AND closed_at IS NULL""")
                .params(s.expectedVnd(), countedVnd, Timestamp.from(at),
                        note == null || note.isBlank() ? null : note.strip(), s.id())
                .update();
        audit.record("CASH_CLOSE", "cash_session", s.id(), m.id(), m.provinceCode(),
                "expected " + s.expectedVnd() + " counted " + countedVnd);
        return session(m, cashier, day).orElseThrow();
    }
}
