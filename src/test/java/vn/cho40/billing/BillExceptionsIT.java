package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.ledger.Ledger;
import vn.cho40.payment.MatchAll;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.shared.VnFormats;

/**
 * A transfer to the board's account that names no bill waits in the queue; the cashier says which bill it pays, by
 * the bill's number as printed or by its code, and the bill is settled as if the transfer had named it. A bill of
 * another market is refused there, and the event leaves the queue once.
 */
@IntegrationTest
class BillExceptionsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    Bills bills;
    @Autowired
    Ledger ledger;

    @Test
    void theCashierAssignsATransferWithoutACodeToABillByItsNumber() throws Exception {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        String account = db.sql("SELECT collection_account_no FROM market WHERE id = ?").param(market)
                .query(String.class).single();
        YearMonth last = YearMonth.now(VnFormats.VIETNAM).minusMonths(1);
        List<Bills.View> open = bills.ofMarket(market, last, "OPEN").stream()
                .filter(b -> bills.payments(b.id()).isEmpty()).toList();
        Bills.View bill = open.get(0);
        Bills.View other = open.get(1);

        assertThat(sePay(account, "FT-NOCODE-1", bill.totalVnd(), "tien phi cho thang " + last.getMonthValue()))
                .isEqualTo(200);
        MatchAll.now(matcher, db);
        String id = db.sql("SELECT id::text FROM payment_event WHERE bank_reference = 'FT-NOCODE-1'")
                .query(String.class).single();
        assertThat(db.sql("SELECT exception_reason FROM payment_event WHERE id = ?::uuid").param(id).query(String.class)
                .single()).isEqualTo("NO_BILL_CODE");

        WebSession cashier = new WebSession(port, "thungan.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(cashier.get("/payments/exceptions").body()).contains("tien phi cho thang", "Mã thanh toán hoặc số hóa đơn");
        // A bill of another market is not this board's to settle.
        String foreign = db.sql("""
                SELECT b.number FROM bill b JOIN market m ON m.id = b.market_id WHERE m.code = 'DB-BUNGLAO' LIMIT 1""")
                .query(String.class).single();
        cashier.postForm("/payments/exceptions/" + id + "/assign-code", Map.of("code", foreign), "/payments/exceptions");
        assertThat(cashier.get("/payments/exceptions").body()).contains("Không có hóa đơn nào của Chợ trung tâm Đại Từ");
        assertThat(bills.get(bill.id()).orElseThrow().status()).isEqualTo("OPEN");

        // The number as a cashier types it off a paper notice: lower case, a space too many.
        Http.Response done = cashier.postForm("/payments/exceptions/" + id + "/assign-code",
                Map.of("code", " " + bill.number().toLowerCase() + " ", "note", "tiểu thương gọi điện báo"),
                "/payments/exceptions");
        assertThat(done.status()).isEqualTo(302);
        Bills.View settled = bills.get(bill.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo("PAID");
        assertThat(bills.payments(bill.id())).singleElement()
                .satisfies(p -> assertThat(p.method()).isEqualTo("TRANSFER"))
                .satisfies(p -> assertThat(p.paymentEventId().toString()).isEqualTo(id));
        assertThat(db.sql("SELECT status, payment_code FROM payment_event WHERE id = ?::uuid").param(id).query()
                .singleRow()).containsEntry("status", "SETTLED").containsEntry("payment_code", bill.paymentCode());
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'PAYMENT_ASSIGN_CODE' AND subject_id = ?")
                .param(id).query(Long.class).single()).isOne();
        List<Ledger.AccountBalance> books = ledger.trialBalance(market);
        assertThat(books.stream().mapToLong(Ledger.AccountBalance::debitVnd).sum())
                .isEqualTo(books.stream().mapToLong(Ledger.AccountBalance::creditVnd).sum());

        // The event has left the queue: assigning it again, to another bill, changes nothing.
        cashier.postForm("/payments/exceptions/" + id + "/assign-code", Map.of("code", other.paymentCode()),
                "/payments/exceptions");
        assertThat(bills.get(other.id()).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(bills.payments(bill.id())).hasSize(1);
    }

    int sePay(String account, String reference, long amount, String text) throws Exception {
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"Agribank\","
                + "\"transactionDate\":\"2026-11-24 07:30:00\",\"accountNumber\":\"" + account + "\",\"code\":null,"
                + "\"content\":\"" + text + "\",\"transferType\":\"in\",\"transferAmount\":" + amount
                + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sepay"))
                .header("Authorization", "Apikey k-123").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
