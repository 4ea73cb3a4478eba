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

    private final vn.cho40.outbox.Outbox outbox;

    BillPaymentCodes(JdbcClient db, JdbcTemplate jdbc, Ledger ledger, BillDocuments documents, Clock clock,
                     vn.cho40.outbox.Outbox outbox) {
        this.outbox = outbox;
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

    /** A bill's printed number (TN-DAITU-2026-000761) gives its code. */
    @Override
    public Optional<String> codeOf(String reference) {
        return db.sql("SELECT payment_code FROM bill WHERE number = ?").param(reference).query(String.class).optional();
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

    private record Open(UUID id, UUID traderId, UUID marketId, String code, long due, String kind, UUID corrects) {
    }

    @Override
    public void settle(Settlement s) {
        settleAll(List.of(s));
    }

    /**
     * A batch in a handful of statements: every open bill the batch names, locked, oldest due first; each credit
     * pays its bills in due-date order (what is left becomes the trader's credit), two credits naming one bill share
     * what it still asks for; then the payments, the bills, the ledger and the e-invoice requests, each in one go.
     */
    @Override
    public void settleAll(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        String[] codes = settlements.stream().flatMap(s -> s.codes().stream()).distinct().toArray(String[]::new);
        Map<String, Open> byCode = new java.util.LinkedHashMap<>(); // in due-date order
        db.sql("""
                SELECT id, trader_id, market_id, payment_code, total_vnd - paid_vnd - waived_vnd - credited_vnd, kind,
                       corrects
                FROM bill WHERE payment_code = ANY(?) AND status IN ('OPEN', 'PARTLY_PAID') ORDER BY due_on, number
                FOR UPDATE""")
                .param(codes)
                .query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getObject(7, UUID.class)))
                .list().forEach(b -> byCode.put(b.code(), b));
        Map<UUID, Long> dueLeft = new HashMap<>();
        byCode.values().forEach(b -> dueLeft.put(b.id(), b.due()));
        Map<UUID, Long> paidPerBill = new java.util.LinkedHashMap<>();
        List<Object[]> payments = new ArrayList<>();
        List<Ledger.Posting> postings = new ArrayList<>();
        List<BillDocuments.Paid> paidInFull = new ArrayList<>();
        for (Settlement s : settlements) {
            List<Open> bills = s.codes().stream().map(byCode::get).filter(java.util.Objects::nonNull)
                    .filter(b -> b.marketId().equals(s.marketId())).toList();
            if (bills.isEmpty()) {
                continue;
            }
            Timestamp at = Timestamp.from(s.bookedAt());
            long left = s.amountVnd();
            List<Ledger.Line> lines = new ArrayList<>();
            lines.add(new Ledger.Line(Accounts.clearing(s.provider()), s.amountVnd()));
            // in due-date order, as the bills were read
            List<Open> ordered = byCode.values().stream().filter(bills::contains).toList();
            for (Open b : ordered.isEmpty() ? bills : ordered) {
                long due = dueLeft.get(b.id());
                long pay = Math.min(left, due);
                if (pay <= 0) {
                    continue;
                }
                left -= pay;
                dueLeft.put(b.id(), due - pay);
                paidPerBill.merge(b.id(), pay, Long::sum);
                payments.add(new Object[] {Ids.newId(clock), s.marketId(), b.id(), pay, s.paymentEventId(), at});
                outbox.addBillPayments(s.marketId(), s.bookedAt(), 1, pay);
                lines.add(new Ledger.Line(Accounts.receivable(b.traderId()), -pay));
                if (pay == due) {
                    paidInFull.add(new BillDocuments.Paid(b.id(), b.marketId(), b.kind(), b.corrects()));
                }
            }
            if (left > 0) {
                lines.add(new Ledger.Line(Accounts.credit(bills.getFirst().traderId()), -left));
            }
            postings.add(new Ledger.Posting(s.marketId(), s.paymentEventId(), "bill-payment:" + s.paymentEventId(), null,
                    "Thu phí qua chuyển khoản", lines));
        }
        if (!payments.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO bill_payment (id, market_id, bill_id, method, amount_vnd, payment_event_id, paid_at,
                                              recorded_by) VALUES (?, ?, ?, 'TRANSFER', ?, ?, ?, 'system')
                    ON CONFLICT (bill_id, payment_event_id) DO NOTHING""", payments);
            db.sql("""
                    UPDATE bill b SET paid_vnd = b.paid_vnd + x.pay, status = CASE WHEN b.paid_vnd + x.pay + b.waived_vnd
                        + b.credited_vnd >= b.total_vnd THEN 'PAID' ELSE 'PARTLY_PAID' END
                    FROM unnest(?::uuid[], ?::bigint[]) AS x(id, pay) WHERE b.id = x.id""")
                    .params(paidPerBill.keySet().toArray(UUID[]::new), paidPerBill.values().toArray(Long[]::new))
                    .update();
        }
        ledger.postBeforeCommit(postings);
        documents.requestForPaid(paidInFull);
    }
}
