package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.market.Markets;
import vn.cho40.market.Stalls;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.vietqr.StallCodes;

/** Payment codes, the per-market and direct webhooks, and the exceptions queue worked through the pages. */
@IntegrationTest
class PaymentFlowIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    StallCodes codes;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;
    @Autowired
    FieldCipher cipher;
    @Autowired
    TestClock clock;

    /** A Đại Từ stall with a trader and a default bank account, and that account's number. */
    String stallCode;
    String accountNumber;
    UUID traderId;

    @BeforeEach
    void aDaiTuStall() {
        var row = db.sql("""
                SELECT s.code, a.account_enc, a.trader_id FROM stall_default_account d
                JOIN stall s ON s.id = d.stall_id JOIN market m ON m.id = s.market_id
                JOIN receiving_account a ON a.id = d.account_id
                WHERE m.code = 'TN-DAITU' AND a.kind = 'BANK' ORDER BY s.code LIMIT 1""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getObject(3, UUID.class)}).single();
        stallCode = (String) row[0];
        accountNumber = cipher.decrypt("account", (byte[]) row[1]);
        traderId = (UUID) row[2];
    }

    int sePay(String path, String apiKey, String account, String reference, long amount, String content)
            throws Exception {
        String body = "{\"id\":" + Math.abs((reference + path).hashCode()) + ",\"gateway\":\"\","
                + "\"transactionDate\":\"2026-11-23 07:30:00\",\"accountNumber\":\"" + account + "\",\"code\":null,"
                + "\"content\":\"" + content + "\",\"transferType\":\"in\",\"transferAmount\":" + amount
                + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        return post(path, body, Map.of("Authorization", "Apikey " + apiKey));
    }

    int post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            System.out.println("WEBHOOK " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.statusCode();
    }

    Map<String, Object> event(String reference) {
        return db.sql("""
                SELECT e.status, e.exception_reason, e.payment_code, m.code AS market, s.code AS stall, e.trader_id,
                       e.provider, e.id FROM payment_event e LEFT JOIN market m ON m.id = e.market_id
                LEFT JOIN stall s ON s.id = e.stall_id WHERE e.bank_reference = ?""")
                .param(reference).query().singleRow();
    }

    void matchAll() throws InterruptedException {
        MatchAll.now(matcher, db);
    }

    @Test
    void aPaymentCodeInMangledTransferTextPlacesThePaymentOnItsStallOnlyInItsOwnAccount() throws Exception {
        var market = markets.get("TN-DAITU");
        String code = codes.dynamic(market, stalls.find(market, stallCode).orElseThrow(), 75_000, null).id() == null
                ? null : db.sql("SELECT reference FROM stall_qr_code WHERE kind = 'DYNAMIC' ORDER BY created_at DESC "
                        + "LIMIT 1").query(String.class).single();
        String split = code.substring(0, 5) + "." + code.substring(5);
        assertThat(sePay("/webhooks/sepay", "k-123", accountNumber, "PC-1", 75_000,
                "MBVCB.991.THANH TOAN " + split + ".CT tu 0011009 NGUYEN VAN A")).isEqualTo(200);
        String other = vn.cho40.shared.PaymentCode.generate();
        assertThat(sePay("/webhooks/sepay", "k-123", accountNumber, "PC-2", 75_000, code + " " + other))
                .isEqualTo(200);
        // The same code paid into an account nobody registered (a look-alike QR) credits nobody.
        assertThat(sePay("/webhooks/sepay", "k-123", "88880000111", "PC-3", 75_000, "THANH TOAN " + split))
                .isEqualTo(200);
        matchAll();
        Map<String, Object> placed = event("PC-1");
        assertThat(placed).containsEntry("status", "MATCHED").containsEntry("payment_code", code)
                .containsEntry("stall", stallCode).containsEntry("market", "TN-DAITU")
                .containsEntry("trader_id", traderId);
        assertThat(event("PC-2")).containsEntry("status", "EXCEPTION").containsEntry("exception_reason",
                "AMBIGUOUS_CODE");
        assertThat(event("PC-3")).containsEntry("status", "EXCEPTION").containsEntry("exception_reason",
                "CODE_ON_OTHER_ACCOUNT").containsEntry("trader_id", null);
        assertThat(db.sql("SELECT count(*) FROM ledger_transaction WHERE payment_event_id = ?")
                .param(placed.get("id")).query(Long.class).single()).isOne();
    }

    @Test
    void aMarketsOwnProviderAccountUsesItsOwnSecretAndItsPaymentsJoinItsQueue() throws Exception {
        assertThat(sePay("/webhooks/sepay/TN-DAITU", "daitu-own-key", "77770000222", "OWN-1", 30_000, "ck"))
                .isEqualTo(200);
        assertThat(sePay("/webhooks/sepay/TN-DAITU", "k-123", "77770000222", "OWN-2", 30_000, "ck"))
                .as("the platform key is not the market's").isEqualTo(401);
        assertThat(sePay("/webhooks/sepay/DB-BUNGLAO", "k-123", "77770000222", "OWN-3", 30_000, "ck"))
                .as("a market without its own account").isEqualTo(401);
        matchAll();
        assertThat(event("OWN-1")).containsEntry("status", "EXCEPTION").containsEntry("market", "TN-DAITU")
                .containsEntry("exception_reason", "UNKNOWN_ACCOUNT");
        assertThat(db.sql("SELECT count(*) FROM payment_event WHERE bank_reference IN ('OWN-2', 'OWN-3')")
                .query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT count(*) FROM inbound_request WHERE outcome = 'REJECTED' AND reason LIKE "
                + "'%no provider account is configured%'").query(Long.class).single()).isPositive();
    }

    @Test
    void theDirectFormatIsVerifiedWithThePartnersSecret() throws Exception {
        long now = clock.instant().getEpochSecond();
        String body = "{\"id\":\"d-1\",\"bankReference\":\"DIRECT-1\",\"account\":\"" + accountNumber + "\","
                + "\"direction\":\"in\",\"amount\":45000,\"bookedAt\":\"2026-11-23T09:00:00+07:00\",\"text\":\"ca\"}";
        String signature = DirectWebhook.sign(body.getBytes(StandardCharsets.UTF_8), now, "direct-secret");
        assertThat(post("/webhooks/direct", body, Map.of("X-Cho40-Partner", "wallet-test", "X-Cho40-Timestamp",
                Long.toString(now), "X-Cho40-Signature", signature))).isEqualTo(200);
        assertThat(post("/webhooks/direct", body, Map.of("X-Cho40-Partner", "someone", "X-Cho40-Timestamp",
                Long.toString(now), "X-Cho40-Signature", signature))).isEqualTo(401);
        assertThat(post("/webhooks/direct", body.replace("45000", "450000"), Map.of("X-Cho40-Partner", "wallet-test",
                "X-Cho40-Timestamp", Long.toString(now), "X-Cho40-Signature", signature))).isEqualTo(401);
        matchAll();
        assertThat(event("DIRECT-1")).containsEntry("status", "MATCHED").containsEntry("provider", "DIRECT")
                .containsEntry("trader_id", traderId);
    }

    @Test
    void aBoardWorksItsQueueAndNobodyElseCan() throws Exception {
        assertThat(sePay("/webhooks/sepay/TN-DAITU", "daitu-own-key", "66660000333", "Q-1", 52_000,
                "chuyen tien 0912345678 mua gao")).isEqualTo(200);
        assertThat(sePay("/webhooks/sepay/TN-DAITU", "daitu-own-key", "66660000333", "Q-2", 9_000, "nham"))
                .isEqualTo(200);
        assertThat(sePay("/webhooks/sepay", "k-123", "66660000444", "Q-3", 11_000, "khong ro")).isEqualTo(200);
        matchAll();
        UUID q1 = (UUID) event("Q-1").get("id");
        UUID q2 = (UUID) event("Q-2").get("id");
        UUID q3 = (UUID) event("Q-3").get("id");

        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        String page = board.get("/payments/exceptions").body();
        assertThat(page).contains("x-" + q1).contains("52.000\u00a0₫").contains("Tài khoản nhận chưa đăng ký")
                .contains("••••5678").doesNotContain("0912345678")
                .as("a payment of no known market is for national staff only").doesNotContain("x-" + q3);
        assertThat(new WebSession(port, null, null).get("/payments/exceptions").status()).isIn(302, 401);

        WebSession foreign = new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        assertThat(foreign.postForm("/payments/exceptions/" + q1 + "/assign", Map.of("stall", "A-1"),
                "/payments/exceptions").status()).isEqualTo(404);
        assertThat(foreign.get("/payments/exceptions").body()).doesNotContain("x-" + q1);

        board.postForm("/payments/exceptions/" + q1 + "/assign", Map.of("stall", "ZZ-404"), "/payments/exceptions");
        assertThat(board.get("/payments/exceptions").body()).contains("Không có quầy &quot;ZZ-404&quot;");
        assertThat(event("Q-1")).containsEntry("status", "EXCEPTION");

        vn.cho40.Http.Response assigned = board.postForm("/payments/exceptions/" + q1 + "/assign",
                Map.of("stall", stallCode, "note", "chị Hoa xác nhận"), "/payments/exceptions");
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(board.get("/payments/exceptions").body()).contains("Đã ghi khoản tiền cho quầy " + stallCode)
                .doesNotContain("x-" + q1);
        assertThat(event("Q-1")).containsEntry("status", "MATCHED").containsEntry("stall", stallCode)
                .containsEntry("trader_id", traderId);
        assertThat(db.sql("SELECT count(*) FROM ledger_transaction WHERE payment_event_id = ?").param(q1)
                .query(Long.class).single()).isOne();
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'PAYMENT_ASSIGN_OTHER_ACCOUNT' "
                + "AND subject_id = ?").param(q1.toString()).query(Long.class).single())
                .as("the money reached an account that is not the stall's").isOne();
        assertThat(board.postForm("/payments/exceptions/" + q1 + "/assign", Map.of("stall", stallCode),
                "/payments/exceptions").status()).as("never decided twice").isEqualTo(404);

        board.postForm("/payments/exceptions/" + q2 + "/not-ours", Map.of("reason", ""), "/payments/exceptions");
        assertThat(board.get("/payments/exceptions").body()).contains("Hãy ghi lý do");
        board.postForm("/payments/exceptions/" + q2 + "/not-ours", Map.of("reason", "khách chuyển nhầm"),
                "/payments/exceptions");
        assertThat(event("Q-2")).containsEntry("status", "NOT_OURS");
        assertThat(db.sql("SELECT count(*) FROM ledger_transaction WHERE payment_event_id = ?").param(q2)
                .query(Long.class).single()).isZero();

        WebSession admin = new WebSession(port, "admin", vn.cho40.IntegrationTest.ADMIN_PASSWORD);
        assertThat(admin.get("/payments/exceptions").body()).contains("x-" + q3).contains("Chưa rõ chợ");
    }

}
