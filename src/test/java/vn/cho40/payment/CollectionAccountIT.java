package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;

/**
 * Money that reaches a market board's collection account is the board's: without a bill's code it credits no trader
 * and waits in that market's queue for the cashier to say which bill it pays, and a wrong code is refused there.
 */
@IntegrationTest
class CollectionAccountIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;

    @Test
    void aTransferToTheBoardsAccountWithoutABillCodeWaitsForTheCashier() throws Exception {
        Map<String, Object> market = new HashMap<>();
        market.put("code", "COLLECT-1");
        market.put("name", "Chợ Thu Phí Thử");
        market.put("communeCode", "05611");
        market.put("marketClass", 3);
        market.put("operatorType", "BOARD");
        market.put("collectionBankBin", "970436");
        market.put("collectionAccountNo", "0451000777888");
        market.put("collectionAccountName", "BAN QUAN LY CHO THU PHI");
        Http admin = new Http(port).as("admin", IntegrationTest.ADMIN_PASSWORD);
        assertThat(admin.postJson("/api/v1/markets", market).status()).isEqualTo(201);
        assertThat(db.sql("SELECT collection_account_hash IS NOT NULL FROM market WHERE code = 'COLLECT-1'")
                .query(Boolean.class).single()).as("the board's account is findable by its number").isTrue();

        assertThat(sePay("0451000777888", "FT-BOARD-1", 150_000, "tien dien thang 11")).isEqualTo(200);
        MatchAll.now(matcher, db);
        Map<String, Object> event = db.sql("""
                SELECT e.status, e.exception_reason, m.code AS market, e.trader_id FROM payment_event e
                LEFT JOIN market m ON m.id = e.market_id WHERE e.bank_reference = 'FT-BOARD-1'""").query().singleRow();
        assertThat(event).containsEntry("status", "EXCEPTION").containsEntry("exception_reason", "NO_BILL_CODE")
                .containsEntry("market", "COLLECT-1");
        assertThat(event.get("trader_id")).isNull();

        String id = db.sql("SELECT id::text FROM payment_event WHERE bank_reference = 'FT-BOARD-1'").query(String.class)
                .single();
        vn.cho40.WebSession board = new vn.cho40.WebSession(port, "admin", IntegrationTest.ADMIN_PASSWORD);
        String queue = board.get("/payments/exceptions").body();
        assertThat(queue).contains("không mang mã hóa đơn");
        Http.Response refused = board.postForm("/payments/exceptions/" + id + "/assign-code",
                Map.of("code", "C40XYZ"), "/payments/exceptions");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(board.get("/payments/exceptions").body()).contains("không phải mã thanh toán hay số hóa đơn");
        assertThat(db.sql("SELECT status FROM payment_event WHERE id = ?::uuid").param(id).query(String.class).single())
                .as("nothing changed").isEqualTo("EXCEPTION");
    }

    int sePay(String account, String reference, long amount, String text) throws Exception {
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"Vietcombank\","
                + "\"transactionDate\":\"2026-11-24 07:30:00\",\"accountNumber\":\"" + account + "\",\"code\":null,"
                + "\"content\":\"" + text + "\",\"transferType\":\"in\",\"transferAmount\":" + amount
                + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sepay"))
                .header("Authorization", "Apikey k-123").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
