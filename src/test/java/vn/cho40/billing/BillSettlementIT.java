package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.payment.MatchAll;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.vietqr.Decoded;
import vn.cho40.vietqr.VietQr;

/**
 * Bills of future months of one market (Tân Khánh, which no other test bills) paid as traders pay them: a transfer
 * naming two bills pays the one due first whatever the order of the text, what is paid beyond the bills is used by
 * the next month's bill, a run that fails half-way leaves nothing behind, and a bill's QR pays the board's collection
 * account its amount under its code. A statement line carrying a bill's code settles it as a webhook would.
 */
@IntegrationTest
class BillSettlementIT {

    private static final AtomicLong ORDER = new AtomicLong(9_400_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    Bills bills;
    @Autowired
    BillingRuns runs;
    @Autowired
    Markets markets;

    private void payOs(String account, long amount, String text) throws Exception {
        assertThat(new PayOsTransfers(port, matcher, db, ORDER.getAndAdd(1_000)).pay(account, amount, text))
                .isEqualTo(200);
    }

    private Bills.View bill(UUID id) {
        return bills.get(id).orElseThrow();
    }

    /** The trader's bill of a month at Tân Khánh. */
    private Bills.View billOf(Market m, YearMonth month, UUID trader) {
        return bills.ofMarket(m.id(), month, "").stream().filter(b -> b.traderId().equals(trader)).findFirst()
                .orElseThrow();
    }

    @Test
    void twoBillsInOneTransferAreSettledDueFirstAndAnExcessPaysTheNextBill() throws Exception {
        Market m = markets.get("TN-TANKHANH");
        YearMonth june = YearMonth.of(2031, 6);
        runs.issue(m, BillingPeriod.month(june), "test");
        runs.issue(m, BillingPeriod.month(june.plusMonths(1)), "test");
        Bills.View older = bills.ofMarket(m.id(), june, "OPEN").getFirst();
        Bills.View newer = billOf(m, june.plusMonths(1), older.traderId());
        assertThat(newer.dueOn()).isAfter(older.dueOn());

        // The bill's QR: the board's collection account, what is due, the bill's code as the transfer's text.
        Decoded decoded = VietQr.decode(older.qrPayload());
        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        var payload = ((Decoded.Valid) decoded).payload();
        assertThat(payload.account()).isEqualTo(m.collectionAccountNo());
        assertThat(payload.bin()).isEqualTo(m.collectionBankBin());
        assertThat(payload.amountVnd()).isEqualTo(older.dueVnd());
        assertThat(payload.purpose()).contains(older.paymentCode());

        // The newer bill named first: the one due first is still paid first, the rest goes to the other.
        payOs(m.collectionAccountNo(), older.dueVnd() + 1_000, newer.paymentCode() + " " + older.paymentCode());
        assertThat(bill(older.id()).status()).isEqualTo("PAID");
        assertThat(bill(newer.id()).status()).isEqualTo("PARTLY_PAID");
        assertThat(bill(newer.id()).paidVnd()).isEqualTo(1_000);

        // 25.000 more than the newer bill still asks: a credit, which the next month's bill takes first.
        long creditBefore = bills.creditOf(older.traderId());
        payOs(m.collectionAccountNo(), bill(newer.id()).dueVnd() + 25_000, "nop phi " + newer.paymentCode());
        assertThat(bill(newer.id()).status()).isEqualTo("PAID");
        long credit = bills.creditOf(older.traderId());
        assertThat(credit - creditBefore).isEqualTo(25_000);

        runs.issue(m, BillingPeriod.month(june.plusMonths(2)), "test");
        Bills.View next = billOf(m, june.plusMonths(2), older.traderId());
        long used = Math.min(credit, next.totalVnd());
        assertThat(next.paidVnd()).as("the credit paid the new bill first").isEqualTo(used);
        assertThat(bills.payments(next.id())).extracting(Bills.Payment::method).containsExactly("CREDIT");
        assertThat(bills.creditOf(older.traderId())).isEqualTo(credit - used);
        assertThat(next.status()).isEqualTo(used == next.totalVnd() ? "PAID" : "PARTLY_PAID");
    }

    @Test
    void aRunThatFailsHalfWayIssuesNothing() {
        Market m = markets.get("TN-TANKHANH");
        BillingPeriod period = BillingPeriod.month(YearMonth.of(2032, 1));
        long entries = db.sql("SELECT count(*) FROM ledger_entry WHERE market_id = ?").param(m.id()).query(Long.class)
                .single();
        long bills = db.sql("SELECT count(*) FROM bill WHERE market_id = ?").param(m.id()).query(Long.class).single();
        // The bills go in, then their lines fail: as a full disk or a lost connection would make them.
        db.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_lines() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.market_id = '%s' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$"""
                .formatted(m.id())).update();
        db.sql("CREATE TRIGGER test_refuse_lines BEFORE INSERT ON bill_line FOR EACH ROW EXECUTE FUNCTION test_refuse_lines()")
                .update();
        try {
            assertThatThrownBy(() -> runs.issue(m, period, "test")).hasMessageContaining("disk full (test)");
        } finally {
            db.sql("DROP TRIGGER test_refuse_lines ON bill_line").update();
            db.sql("DROP FUNCTION test_refuse_lines()").update();
        }
        assertThat(db.sql("SELECT count(*) FROM bill WHERE market_id = ?").param(m.id()).query(Long.class).single())
                .as("no bill").isEqualTo(bills);
        assertThat(db.sql("SELECT count(*) FROM billing_run WHERE market_id = ? AND period_start = ?")
                .params(m.id(), period.first()).query(Long.class).single()).as("no run").isZero();
        assertThat(db.sql("SELECT count(*) FROM ledger_entry WHERE market_id = ?").param(m.id()).query(Long.class)
                .single()).as("no receivable").isEqualTo(entries);

        BillingRuns.Issued issued = runs.issue(m, period, "test");
        assertThat(issued.bills()).as("the same run, once the fault is gone").isPositive();
        assertThat(db.sql("SELECT count(*) FROM bill WHERE run_id = ?").param(issued.runId()).query(Long.class).single())
                .isEqualTo(issued.bills());
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'BILLING_RUN' AND market_id = ? AND detail LIKE ?")
                .params(m.id(), "1/2032 · %").query(Long.class).single()).as("the run on record, the failed try not")
                .isOne();
    }

    @Test
    void aStatementLineCarryingABillsCodeSettlesIt() throws Exception {
        Market m = markets.get("TN-DAITU");
        Bills.View open = db.sql(Bills.SELECT_VIEW + """
                 WHERE m.code = 'TN-DAITU' AND b.status = 'OPEN' AND b.kind = 'BILL'
                ORDER BY b.due_on, b.number LIMIT 1""").query(Bills::map).single();
        String amount = String.format("%,d", open.dueVnd()).replace(',', '.');
        String closing = String.format("%,d", 1_000_000 + open.dueVnd()).replace(',', '.');
        String csv = "Số tài khoản:," + m.collectionAccountNo() + ",,,\n"
                + "Số dư đầu kỳ:,\"1.000.000\",,,\n"
                + "Ngày GD,Số tham chiếu,Ghi nợ,Ghi có,Nội dung\n"
                + "02/12/2026 09:15,STM-BILL-1,,\"" + amount + "\"," + open.paymentCode() + " nop tien phi cho\n"
                + "Số dư cuối kỳ:,\"" + closing + "\",,,\n";
        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        Http.Response preview = board.upload("/payments/statements?market=TN-DAITU", "sao-ke-thu-phi.csv",
                csv.getBytes(StandardCharsets.UTF_8), "/payments/statements");
        assertThat(preview.body()).contains("Sao kê khớp");
        Http.Response started = board.postForm("/payments/statements/confirm", Map.of(), "/payments/statements");
        assertThat(started.status()).isEqualTo(302);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && db.sql("SELECT count(*) FROM payment_event WHERE bank_reference = "
                + "'STM-BILL-1'").query(Long.class).single() == 0) {
            Thread.sleep(100);
        }
        MatchAll.now(matcher, db);
        Bills.View after = bill(open.id());
        assertThat(after.status()).as("paid from the statement line").isEqualTo("PAID");
        assertThat(bills.payments(open.id())).extracting(Bills.Payment::method).contains("TRANSFER");
    }

    @Test
    void aBillPaidAgainGoesToTheExceptionsQueue() throws Exception {
        Market m = markets.get("TN-TANKHANH");
        YearMonth month = YearMonth.of(2032, 3);
        runs.issue(m, BillingPeriod.month(month), "test");
        Bills.View b = bills.ofMarket(m.id(), month, "OPEN").getFirst();
        payOs(m.collectionAccountNo(), b.dueVnd(), b.paymentCode());
        assertThat(bill(b.id()).status()).isEqualTo("PAID");
        payOs(m.collectionAccountNo(), 5_000, b.paymentCode());
        assertThat(db.sql("SELECT status FROM payment_event WHERE payment_code = ? ORDER BY created_at DESC LIMIT 1")
                .param(b.paymentCode()).query(String.class).single())
                .as("a paid bill's code paid again waits for the cashier").isEqualTo("EXCEPTION");
        assertThat(bill(b.id()).paidVnd()).isEqualTo(b.totalVnd());
        JsonNode api = new Http(port).as("tinh.thainguyen", DemoProvince.DEMO_PASSWORD)
                .get("/api/v1/bills/" + b.id()).json();
        assertThat(api.path("payments").size()).isOne();
        List<String> statuses = bills.payments(b.id()).stream().map(Bills.Payment::method).toList();
        assertThat(statuses).containsExactly("TRANSFER");
    }
}
