package vn.cho40.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.ledger.Accounts;
import vn.cho40.ledger.Ledger;
import vn.cho40.payment.PaymentCodes;
import vn.cho40.shared.Ids;

/**
 * The payments module's port for bills' codes: a bill's code asks to be paid into its market's collection account
 * and is settled here, inside the matcher's transaction. Several bills in one transfer are paid in due-date order;
 * what is left after the last one is the trader's credit, used by the next bills; a bill paid in full asks the
 * e-invoice module for its document.
 */
@Component
class BillPaymentCodes implements PaymentCodes {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final BillDocuments documents;
    private final Clock clock;

    BillPaymentCodes(JdbcClient db, JdbcTemplate jdbc, Ledger ledger, BillDocuments documents, Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public Optional<Target> find(String code) {
        return Optional.ofNullable(findAll(List.of(code)).get(code));
    }

    @Override
    public Map<String, Target> findAll(Collection<String> codes) {
        Map<String, Target> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        db.sql("""
                SELECT b.payment_code, b.market_id, b.stall_id, b.trader_id, m.collection_account_hash,
                       m.collection_bank_bin, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd, b.status
                FROM bill b JOIN market m ON m.id = b.market_id WHERE b.payment_code = ANY(?)""")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> new Target(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), null, rs.getBytes(5), rs.getString(6), rs.getLong(7),
                        !List.of("OPEN", "PARTLY_PAID").contains(rs.getString(8)), true))
                .list().forEach(t -> found.put(t.code(), t));
        return found;
    }

    private record Open(UUID id, UUID traderId, long due) {
    }

    @Override
    public void settle(Settlement s) {
        List<Open> bills = db.sql("""
                SELECT id, trader_id, total_vnd - paid_vnd - waived_vnd - credited_vnd FROM bill
                WHERE payment_code = ANY(?) AND market_id = ? AND status IN ('OPEN', 'PARTLY_PAID')
                ORDER BY due_on, number FOR UPDATE""")
                .params(s.codes().toArray(String[]::new), s.marketId())
                .query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3)))
                .list();
        if (bills.isEmpty()) {
            return;
        }
        UUID trader = bills.getFirst().traderId();
        Timestamp at = Timestamp.from(s.bookedAt());
        long left = s.amountVnd();
        List<Ledger.Line> lines = new ArrayList<>();
        lines.add(new Ledger.Line(Accounts.clearing(s.provider()), s.amountVnd()));
        for (Open b : bills) {
            long pay = Math.min(left, b.due());
            if (pay <= 0) {
                break;
            }
            left -= pay;
            jdbc.update("""
                    INSERT INTO bill_payment (id, market_id, bill_id, method, amount_vnd, payment_event_id, paid_at,
                                              recorded_by) VALUES (?, ?, ?, 'TRANSFER', ?, ?, ?, 'system')
                    ON CONFLICT (bill_id, payment_event_id) DO NOTHING""",
                    Ids.newId(clock), s.marketId(), b.id(), pay, s.paymentEventId(), at);
            jdbc.update("UPDATE bill SET paid_vnd = paid_vnd + ?, status = CASE WHEN paid_vnd + ? + waived_vnd + credited_vnd >= "
                    + "total_vnd THEN 'PAID' ELSE 'PARTLY_PAID' END WHERE id = ?", pay, pay, b.id());
            lines.add(new Ledger.Line(Accounts.receivable(b.traderId()), -pay));
            if (pay == b.due()) {
                documents.requestFor(b.id());
            }
        }
        if (left > 0) {
            lines.add(new Ledger.Line(Accounts.credit(trader), -left));
        }
        ledger.post(new Ledger.Posting(s.marketId(), s.paymentEventId(), "bill-payment:" + s.paymentEventId(), null,
                "Thu phí qua chuyển khoản", lines));
    }
}
