package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;
import vn.cho40.ledger.Ledger;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.payment.WebhookSigner;

/**
 * A month billed for a whole market through the API (preview, issue once, refused twice, scoped), and bills settled
 * by payOS-format webhooks naming their codes: exact, short then over (a credit), two bills in one transfer, a
 * duplicate delivery that changes nothing; the books of the market balance and the paid bills ask for e-invoices.
 */
@IntegrationTest
class BillingIT {

    private static final AtomicLong ORDER = new AtomicLong(9_100_000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    Ledger ledger;
    @Autowired
    Bills bills;

    private final YearMonth month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private Http board() {
        return new Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD);
    }

    private PayOsTransfers transfers() {
        return new PayOsTransfers(port, matcher, db, ORDER.getAndAdd(1_000));
    }

    private int payOs(String account, long amount, String text) throws Exception {
        return transfers().pay(account, amount, text);
    }

    private int send(WebhookSigner.Signed s) throws Exception {
        return transfers().send(s);
    }

    private Bills.View bill(UUID id) {
        return bills.get(id).orElseThrow();
    }

    @Test
    void aMonthIsBilledOnceAndBillsAreSettledByTheirCodes() throws Exception {
        String path = "/api/v1/markets/TN-DAITU/billing-runs";
        Http.Response preview = board().postJson(path, Map.of("period", month.toString(), "dryRun", true));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("\"issued\":false", "\"RENT\"", "\"CLEANING\"", "\"ELECTRICITY\"");
        assertThat(db.sql("SELECT count(*) FROM billing_run r JOIN market m ON m.id = r.market_id WHERE m.code = "
                + "'TN-DAITU' AND r.period_start = ?").param(month.atDay(1)).query(Integer.class).single()).isZero();

        assertThat(new Http(port).as("thungan.daitu", DemoProvince.DEMO_PASSWORD)
                .postJson(path, Map.of("period", month.toString())).status()).as("a cashier does not bill").isEqualTo(403);
        assertThat(new Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD)
                .postJson(path, Map.of("period", month.toString(), "dryRun", true)).status()).isIn(403, 404);
        assertThat(board().postJson(path, Map.of("period", "11/2026")).status()).isEqualTo(422);

        Http.Response issued = board().postJson(path, Map.of("period", month.toString()));
        assertThat(issued.status()).isEqualTo(200);
        Http.Response again = board().postJson(path, Map.of("period", month.toString()));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("đã lập hóa đơn rồi");

        Http.Response list = board().get("/api/v1/markets/TN-DAITU/bills?period=" + month);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"paymentCode\":\"C40", "\"qrPayload\":\"000201", "970405", "\"status\":\"OPEN\"");
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        String account = db.sql("SELECT collection_account_no FROM market WHERE id = ?").param(market)
                .query(String.class).single();
        List<Bills.View> month = bills.ofMarket(market, this.month, "OPEN");
        assertThat(month).hasSizeGreaterThan(5);

        // Exact amount: paid; the same delivery again changes nothing.
        Bills.View exact = month.get(0);
        long id = ORDER.incrementAndGet();
        WebhookSigner.Signed first = transfers().sign(id, "FT-EXACT-" + id, account, exact.totalVnd(),
                exact.paymentCode() + " tien cho");
        assertThat(send(first)).isEqualTo(200);
        assertThat(bill(exact.id()).status()).isEqualTo("PAID");
        assertThat(send(first)).as("a duplicate delivery is acknowledged").isEqualTo(200);
        assertThat(bill(exact.id()).paidVnd()).isEqualTo(exact.totalVnd());
        assertThat(bills.payments(exact.id())).hasSize(1);
        assertThat(db.sql("SELECT count(*) FROM einvoice_request WHERE source = ?").param("bill:" + exact.id())
                .query(Integer.class).single()).as("a paid bill asks for its e-invoice").isOne();

        // The board issues e-invoices (the demo set TN-DAITU up): the paid bill gets its signed document.
        String docs = "[]";
        for (int i = 0; i < 150 && docs.equals("[]"); i++) {
            docs = board().get("/api/v1/bills/" + exact.id() + "/documents").body();
            if (docs.equals("[]")) {
                Thread.sleep(200);
            }
        }
        assertThat(docs).contains("\"kind\":\"INVOICE\"", "\"state\":\"SIGNED\"", "\"lookupCode\"");
        String documentId = docs.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(board().get("/api/v1/documents/" + documentId + ".xml").body()).contains("<HDon>", "Signature");
        assertThat(new Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD)
                .get("/api/v1/documents/" + documentId + ".xml").status()).isIn(403, 404);
        assertThat(new Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD)
                .get("/api/v1/bills/" + exact.id() + "/documents").status()).isIn(403, 404);

        // Short, then over: partly paid, then paid with the excess as the trader's credit.
        Bills.View shortThenOver = month.get(1);
        assertThat(payOs(account, shortThenOver.totalVnd() - 10_000, "CK " + shortThenOver.paymentCode())).isEqualTo(200);
        assertThat(bill(shortThenOver.id()).status()).isEqualTo("PARTLY_PAID");
        assertThat(bill(shortThenOver.id()).dueVnd()).isEqualTo(10_000);
        long creditBefore = bills.creditOf(shortThenOver.traderId());
        assertThat(payOs(account, 60_000, shortThenOver.paymentCode())).isEqualTo(200);
        assertThat(bill(shortThenOver.id()).status()).isEqualTo("PAID");
        assertThat(bills.creditOf(shortThenOver.traderId()) - creditBefore).isEqualTo(50_000);

        // Two bills in one transfer: settled in due-date order, the second partly.
        Bills.View a = month.get(2);
        Bills.View b = month.get(3);
        assertThat(payOs(account, a.totalVnd() + 1_000, a.paymentCode() + " " + b.paymentCode())).isEqualTo(200);
        assertThat(bill(a.id()).status()).isEqualTo("PAID");
        assertThat(bill(b.id()).status()).isEqualTo("PARTLY_PAID");
        assertThat(bill(b.id()).paidVnd()).isEqualTo(1_000);

        // A paid bill's code paid again is not credited anywhere silently: it waits for the cashier.
        assertThat(payOs(account, 5_000, exact.paymentCode())).isEqualTo(200);
        assertThat(db.sql("SELECT status FROM payment_event WHERE payment_code = ? ORDER BY created_at DESC LIMIT 1")
                .param(exact.paymentCode()).query(String.class).optional()).contains("EXCEPTION");

        // The market's books balance, and the trader's receivables follow the bills.
        List<Ledger.AccountBalance> balance = ledger.trialBalance(market);
        assertThat(balance.stream().mapToLong(Ledger.AccountBalance::debitVnd).sum())
                .isEqualTo(balance.stream().mapToLong(Ledger.AccountBalance::creditVnd).sum());
        assertThat(ledger.balance(market, "receivable:" + exact.traderId()))
                .as("what the trader still owes the board").isEqualTo(bills.ofTrader(exact.traderId(), 0).stream()
                        .mapToLong(Bills.View::dueVnd).sum());

        Http.Response one = board().get("/api/v1/bills/" + b.id());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("\"lines\"", "\"TRANSFER\"", "\"payments\"");
        assertThat(new Http(port).as("bql.bunglao", DemoProvince.DEMO_PASSWORD).get("/api/v1/bills/" + b.id()).status())
                .isIn(403, 404);
    }

    @Test
    void theDemoBilledEveryMarketForThreeMonthsAndPaidThemThroughThePaymentPath() {
        YearMonth oldest = month.minusMonths(3);
        int markets = db.sql("SELECT count(DISTINCT market_id) FROM billing_run WHERE period_start = ?")
                .param(oldest.atDay(1)).query(Integer.class).single();
        assertThat(markets).isGreaterThan(20);
        // Every market with a collection account and traders since before those months (tests add markets of their
        // own): three months billed, some paid by transfer, some in cash, some late.
        record Alive(String code, int months, int transfers, int cash, int overdue) {
        }
        List<Alive> alive = db.sql("""
                SELECT m.code,
                  (SELECT count(DISTINCT r.period_start) FROM billing_run r WHERE r.market_id = m.id
                     AND r.period_kind = 'MONTH' AND r.period_start >= ?),
                  (SELECT count(*) FROM bill_payment p WHERE p.market_id = m.id AND p.method = 'TRANSFER'),
                  (SELECT count(*) FROM bill_payment p WHERE p.market_id = m.id AND p.method = 'CASH'),
                  (SELECT count(*) FROM bill b WHERE b.market_id = m.id AND b.status IN ('OPEN', 'PARTLY_PAID')
                     AND b.due_on < ?)
                FROM market m WHERE m.collection_account_no IS NOT NULL AND EXISTS (SELECT 1 FROM lease l
                  JOIN stall s ON s.id = l.stall_id WHERE s.market_id = m.id AND l.starts_on < ?)""")
                .params(oldest.atDay(1), java.time.LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), oldest.atDay(1))
                .query((rs, n) -> new Alive(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
        assertThat(alive).hasSizeGreaterThan(20).allSatisfy(a -> {
            assertThat(a.months()).as(a.code() + " months billed").isGreaterThanOrEqualTo(3);
            assertThat(a.cash()).as(a.code() + " paid in cash").isPositive();
            assertThat(a.overdue()).as(a.code() + " overdue").isPositive();
        });
        long deadline = System.currentTimeMillis() + 20_000;
        int paid = 0;
        while (System.currentTimeMillis() < deadline) {
            paid = db.sql("SELECT count(*) FROM bill_payment WHERE method = 'TRANSFER' AND payment_event_id IS NOT NULL")
                    .query(Integer.class).single();
            if (paid > 1_000) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(paid).as("demo transfers settled bills").isGreaterThan(1_000);
        assertThat(db.sql("""
                SELECT count(*) FROM market m WHERE m.collection_account_no IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM bill_payment p WHERE p.market_id = m.id AND p.method = 'TRANSFER') AND EXISTS (
                  SELECT 1 FROM bill b WHERE b.market_id = m.id AND b.period_start < ?)""").param(oldest.plusMonths(1).atDay(1))
                .query(Integer.class).single()).as("every demo market has bills paid by transfer").isZero();
        assertThat(db.sql("SELECT count(*) FROM bill WHERE status = 'PARTLY_PAID'").query(Integer.class).single()).isPositive();
        assertThat(db.sql("SELECT count(*) FROM bill WHERE status = 'OPEN' AND due_on < current_date").query(Integer.class)
                .single()).as("some overdue").isPositive();

        // A stall's water meter is billed like its electricity: what it measured, at the rate, VAT added.
        record Water(long milli, long from, long to, long price, int vatBp, long amount) {
        }
        List<Water> water = db.sql("""
                SELECT l.quantity_milli, l.reading_from, l.reading_to, l.unit_price_vnd, l.vat_bp, l.amount_vnd
                FROM bill_line l JOIN bill b ON b.id = l.bill_id
                WHERE l.charge = 'WATER' AND b.period_start = ?""").param(oldest.atDay(1))
                .query((rs, n) -> new Water(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                        rs.getLong(6))).list();
        assertThat(water).as("water lines on the stalls with a water meter").hasSizeGreaterThan(20);
        assertThat(water).allSatisfy(w -> {
            assertThat(w.milli()).isEqualTo((w.to() - w.from()) * 1000);
            assertThat(w.vatBp()).isEqualTo(500);
        });
        assertThat(db.sql("""
                SELECT count(*) FROM bill b JOIN billing_run r ON r.id = b.run_id
                WHERE b.period_start = ? AND b.corrects IS NULL AND EXISTS (SELECT 1 FROM meter m WHERE m.stall_id = b.stall_id
                  AND m.kind = 'WATER' AND m.removed_on IS NULL AND m.serial LIKE 'N-%')
                  AND NOT EXISTS (SELECT 1 FROM bill_line l WHERE l.bill_id = b.id AND l.charge = 'WATER')""")
                .param(oldest.atDay(1)).query(Integer.class).single()).as("no demo water meter left unbilled").isZero();
    }

    @Autowired
    BillPaymentCodes billCodes;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    vn.cho40.privacy.FieldCipher cipher;

    /** A stored credit, as the matcher would hand over (the settlement's payment event must exist). */
    private UUID paymentEvent(UUID market, long amount) {
        UUID request = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        db.sql("INSERT INTO inbound_request (id, received_at, provider, outcome, body_enc) VALUES (?, now(), 'test', 'ACCEPTED', ?)")
                .params(request, cipher.encrypt("raw_body", "{}")).update();
        db.sql("""
                INSERT INTO payment_event (id, request_id, provider, provider_txn_id, bank_reference, receiving_account_hash,
                    receiving_account_last4, direction, amount_vnd, booked_at, status, market_id, created_at)
                VALUES (?, ?, 'test', ?, ?, ?, '0000', 'CREDIT', ?, now(), 'SETTLED', ?, now())""")
                .params(event, request, event.toString(), event.toString(), event.toString().getBytes(), amount, market)
                .update();
        return event;
    }

    @Test
    void twoCreditsOfOneBatchNamingOneBillShareWhatItStillAsks() throws Exception {
        vn.cho40.payment.MatchAll.now(matcher, db);
        Bills.View open = db.sql(Bills.SELECT_VIEW + """
                 WHERE m.code = 'TN-DAITU' AND b.status = 'OPEN' AND b.kind = 'BILL' AND b.total_vnd > 10000
                ORDER BY b.due_on DESC, b.number DESC LIMIT 1""").query(Bills::map).single();
        long part = open.dueVnd() * 6 / 10;
        UUID first = paymentEvent(open.marketId(), part);
        UUID second = paymentEvent(open.marketId(), part);
        long creditBefore = bills.creditOf(open.traderId());
        tx.executeWithoutResult(t -> billCodes.settleAll(List.of(
                new vn.cho40.payment.PaymentCodes.Settlement(first, open.marketId(), "test", part, Instant.now(),
                        List.of(open.paymentCode())),
                new vn.cho40.payment.PaymentCodes.Settlement(second, open.marketId(), "test", part, Instant.now(),
                        List.of(open.paymentCode())))));
        Bills.View after = bill(open.id());
        assertThat(after.status()).isEqualTo("PAID");
        assertThat(after.paidVnd()).isEqualTo(open.totalVnd());
        assertThat(bills.payments(open.id())).extracting(Bills.Payment::amountVnd)
                .containsExactly(part, open.dueVnd() - part);
        assertThat(bills.creditOf(open.traderId()) - creditBefore).as("the second credit's excess")
                .isEqualTo(2 * part - open.dueVnd());
        assertThat(ledger.trialBalance(open.marketId()).stream().mapToLong(Ledger.AccountBalance::balanceVnd).sum())
                .isZero();
    }
}
