package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.MatchedPayments;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.privacy.FieldCipher;

/**
 * The look-alike QR, end to end: a scammer's account with a victim stall's payment code in the transfer text credits
 * nobody, whether it comes by the platform's webhook, by another market's statement upload or through one market's
 * own provider key; the payment waits in the receiving account's market's queue and the victim's board is warned.
 */
@IntegrationTest
class PaymentIntegrityIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    MatchedPayments matched;

    /** A stall with a trader and a bank account: its code, account number, bank and trader. */
    record Stall(String market, String code, String account, String bin, UUID trader, UUID stallId) {
    }

    Stall stall(String market, int index) {
        return db.sql("""
                SELECT s.code, a.account_enc, a.bin, a.trader_id, s.id FROM stall_default_account d
                JOIN stall s ON s.id = d.stall_id JOIN market m ON m.id = s.market_id
                JOIN receiving_account a ON a.id = d.account_id
                WHERE m.code = ? AND a.kind = 'BANK' AND a.review_status = 'ACTIVE' ORDER BY s.code OFFSET ? LIMIT 1""")
                .params(market, index)
                .query((rs, n) -> new Stall(market, rs.getString(1), cipher.decrypt("account", rs.getBytes(2)),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class))).single();
    }

    /** A dynamic code of the victim's stall, as the board makes it for a sale (anyone who scans it reads the code). */
    String dynamicCode(Stall victim, long amount) {
        Http.Response r = new Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD).postJson(
                "/api/v1/markets/" + victim.market() + "/stalls/" + victim.code() + "/qr", Map.of("amount", amount));
        assertThat(r.status()).isEqualTo(201);
        return db.sql("SELECT reference FROM stall_qr_code WHERE stall_id = ? AND kind = 'DYNAMIC' "
                + "ORDER BY created_at DESC LIMIT 1").param(victim.stallId()).query(String.class).single();
    }

    int sePay(String path, String key, String account, String bank, String reference, long amount, String text)
            throws Exception {
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"" + bank + "\","
                + "\"transactionDate\":\"2026-11-24 07:30:00\",\"accountNumber\":\"" + account + "\",\"code\":null,"
                + "\"content\":\"" + text + "\",\"transferType\":\"in\",\"transferAmount\":" + amount
                + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Apikey " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    long credited(UUID trader) {
        return db.sql("SELECT coalesce(sum(amount_vnd), 0) FROM payment_event WHERE trader_id = ? AND status = 'MATCHED'")
                .param(trader).query(Long.class).single();
    }

    Map<String, Object> event(String reference) {
        return db.sql("""
                SELECT e.status, e.exception_reason, m.code AS market, e.trader_id FROM payment_event e
                LEFT JOIN market m ON m.id = e.market_id WHERE e.bank_reference = ?""")
                .param(reference).query().singleRow();
    }

    long openWarnings(UUID stallId, String kind) {
        return db.sql("SELECT count(*) FROM payment_warning WHERE stall_id = ? AND kind = ? AND closed_at IS NULL")
                .params(stallId, kind).query(Long.class).single();
    }

    @Test
    void aLookAlikeQrThroughTheWebhookCreditsNobodyAndWarnsTheVictimsBoard() throws Exception {
        Stall victim = stall("TN-DAITU", 1);
        Stall scammer = stall("DB-BUNGLAO", 0);
        String code = dynamicCode(victim, 77_000);
        long before = credited(victim.trader());

        assertThat(sePay("/webhooks/sepay", "k-123", scammer.account(), "", "FT-LOOKALIKE-1", 77_000,
                code + " banh chung")).isEqualTo(200);
        MatchAll.now(matcher, db);

        Map<String, Object> e = event("FT-LOOKALIKE-1");
        assertThat(e.get("status")).isEqualTo("EXCEPTION");
        assertThat(e.get("exception_reason")).isEqualTo("CODE_ON_OTHER_ACCOUNT");
        assertThat(e.get("market")).as("the queue of the market owning the receiving account").isEqualTo("DB-BUNGLAO");
        assertThat(credited(victim.trader())).as("the victim's speaker says nothing").isEqualTo(before);
        assertThat(matched.seen()).noneMatch(m -> m.traderId().equals(victim.trader()) && m.amountVnd() == 77_000
                && m.bookedAt().equals(java.time.Instant.parse("2026-11-24T00:30:00Z")));
        assertThat(openWarnings(victim.stallId(), "CODE_ON_OTHER_ACCOUNT")).isOne();

        WebSession daiTu = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(daiTu.get("/payments/exceptions").body()).contains("kiểm tra biển QR của quầy " + victim.code())
                .contains(code);
        WebSession bungLao = new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        assertThat(bungLao.get("/payments/exceptions").body()).contains("Mã của tài khoản khác")
                .doesNotContain("kiểm tra biển QR của quầy " + victim.code());

        // Placing it on the victim's stall anyway is a decision across accounts: only with a reason, audited.
        UUID id = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-LOOKALIKE-1'").query(UUID.class)
                .single();
        WebSession national = new WebSession(port, "admin", vn.cho40.IntegrationTest.ADMIN_PASSWORD);
        national.postForm("/payments/exceptions/" + id + "/assign", Map.of("stall", scammer.code(), "note", ""),
                "/payments/exceptions");
        assertThat(event("FT-LOOKALIKE-1").get("status")).as("its own account's stall needs no reason")
                .isEqualTo("MATCHED");

        // The victim's board closes the warning after inspecting the sign.
        UUID warning = db.sql("SELECT id FROM payment_warning WHERE stall_id = ? AND closed_at IS NULL")
                .param(victim.stallId()).query(UUID.class).single();
        assertThat(bungLao.postForm("/payments/warnings/" + warning + "/close", Map.of("note", "da kiem tra"),
                "/payments/exceptions").status()).as("another market's board cannot").isEqualTo(404);
        daiTu.postForm("/payments/warnings/" + warning + "/close", Map.of("note", "đã kiểm tra biển, biển đúng"),
                "/payments/exceptions");
        assertThat(openWarnings(victim.stallId(), "CODE_ON_OTHER_ACCOUNT")).isZero();
    }

    @Test
    void assigningAPaymentToAStallOfAnotherAccountNeedsAReason() throws Exception {
        Stall one = stall("TN-DAITU", 4);
        Stall other = stall("TN-DAITU", 5);
        assertThat(sePay("/webhooks/sepay", "k-123", "99911122233", "", "FT-ASSIGN-1", 12_000, "tien hang"))
                .isEqualTo(200);
        MatchAll.now(matcher, db);
        UUID id = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-ASSIGN-1'").query(UUID.class).single();
        WebSession national = new WebSession(port, "admin", vn.cho40.IntegrationTest.ADMIN_PASSWORD);
        String page = national.postForm("/payments/exceptions/" + id + "/assign",
                Map.of("market", "TN-DAITU", "stall", other.code(), "note", ""), "/payments/exceptions").location();
        assertThat(national.get(page).body()).contains("hãy ghi lý do");
        assertThat(event("FT-ASSIGN-1").get("status")).isEqualTo("EXCEPTION");
        national.postForm("/payments/exceptions/" + id + "/assign",
                Map.of("market", "TN-DAITU", "stall", other.code(), "note", "khách gọi điện, chuyển nhầm số"),
                "/payments/exceptions");
        assertThat(event("FT-ASSIGN-1").get("trader_id")).isEqualTo(other.trader());
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'PAYMENT_ASSIGN_OTHER_ACCOUNT' "
                + "AND subject_id = ?").param(id.toString()).query(Long.class).single()).isOne();
        assertThat(one.trader()).isNotEqualTo(other.trader());
    }

    @Test
    void aCodePaidIntoItsOwnAccountIsCreditedAndAnotherAmountIsFlagged() throws Exception {
        Stall trader = stall("TN-DAITU", 2);
        String exact = dynamicCode(trader, 45_000);
        String other = dynamicCode(trader, 60_000);
        long before = credited(trader.trader());
        assertThat(sePay("/webhooks/sepay", "k-123", trader.account(), "", "FT-OWN-1", 45_000, exact)).isEqualTo(200);
        assertThat(sePay("/webhooks/sepay", "k-123", trader.account(), "", "FT-OWN-2", 6_000, other)).isEqualTo(200);
        MatchAll.now(matcher, db);
        assertThat(credited(trader.trader())).isEqualTo(before + 51_000);
        assertThat(openWarnings(trader.stallId(), "AMOUNT_DIFFERS")).isOne();
        assertThat(new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD).get("/payments/exceptions").body())
                .contains("yêu cầu 60.000\u00a0₫ nhưng khách trả 6.000\u00a0₫");
    }

    @Test
    void anotherMarketsStatementCannotCreditAVictimStall() throws Exception {
        Stall victim = stall("TN-DAITU", 3);
        Stall account = stall("DB-BUNGLAO", 1);
        String code = dynamicCode(victim, 77_000);
        long before = credited(victim.trader());
        String csv = "Số tài khoản:," + account.account() + ",,,\n"
                + "Số dư đầu kỳ:,\"1.000.000\",,,\n"
                + "Ngày GD,Số tham chiếu,Ghi nợ,Ghi có,Nội dung\n"
                + "03/12/2026 08:00,FT26337990001,,\"77.000\"," + code + " banh\n"
                + "Số dư cuối kỳ:,\"1.077.000\",,,\n";
        WebSession board = new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        assertThat(board.upload("/payments/statements?market=DB-BUNGLAO", "sao-ke.csv",
                csv.getBytes(StandardCharsets.UTF_8), "/payments/statements").body()).contains("Sao kê khớp");
        Http.Response started = board.postForm("/payments/statements/confirm", Map.of(), "/payments/statements");
        assertThat(started.status()).isEqualTo(302);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (db.sql("SELECT count(*) FROM payment_event WHERE bank_reference = 'FT26337990001'").query(Long.class)
                .single() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        MatchAll.now(matcher, db);
        Map<String, Object> e = event("FT26337990001");
        assertThat(e.get("exception_reason")).isEqualTo("CODE_ON_OTHER_ACCOUNT");
        assertThat(e.get("market")).isEqualTo("DB-BUNGLAO");
        assertThat(credited(victim.trader())).isEqualTo(before);
        assertThat(openWarnings(victim.stallId(), "CODE_ON_OTHER_ACCOUNT")).isOne();
    }

    @Test
    void oneMarketsOwnProviderKeySpeaksOnlyForThatMarket() throws Exception {
        // TN-DAITU has its own SePay key (market-secrets-test.properties).
        Stall elsewhere = stall("DB-BUNGLAO", 2);
        long before = credited(elsewhere.trader());
        assertThat(sePay("/webhooks/sepay/TN-DAITU", "daitu-own-key", elsewhere.account(), "", "FT-MKT-1", 50_000,
                "mua hang")).isEqualTo(200);
        Stall victim = stall("TN-DU", 0);
        String code = new Http(port).as("tinh.thainguyen", DemoProvince.DEMO_PASSWORD).postJson(
                "/api/v1/markets/TN-DU/stalls/" + victim.code() + "/qr", Map.of("amount", 30_000)).status() == 201
                ? db.sql("SELECT reference FROM stall_qr_code WHERE stall_id = ? AND kind = 'DYNAMIC' "
                        + "ORDER BY created_at DESC LIMIT 1").param(victim.stallId()).query(String.class).single()
                : null;
        assertThat(code).isNotNull();
        long victimBefore = credited(victim.trader());
        assertThat(sePay("/webhooks/sepay/TN-DAITU", "daitu-own-key", victim.account(), "", "FT-MKT-2", 30_000,
                code)).isEqualTo(200);
        MatchAll.now(matcher, db);
        assertThat(event("FT-MKT-1").get("exception_reason")).isEqualTo("OTHER_MARKET");
        assertThat(event("FT-MKT-1").get("market")).isEqualTo("TN-DAITU");
        assertThat(event("FT-MKT-2").get("status")).isEqualTo("EXCEPTION");
        assertThat(credited(elsewhere.trader())).isEqualTo(before);
        assertThat(credited(victim.trader())).isEqualTo(victimBefore);
    }

    @Test
    void aNumberRegisteredASecondTimeWaitsForReviewAndTheFirstOwnerKeepsBeingPaid() throws Exception {
        Stall first = stall("TN-DAITU", 6);
        UUID neighbour = db.sql("""
                SELECT t.id FROM trader t JOIN market m ON m.id = t.market_id WHERE m.code = 'TN-DAITU'
                  AND t.id <> ? ORDER BY t.created_at DESC LIMIT 1""").param(first.trader()).query(UUID.class).single();
        String otherBank = first.bin().equals("970405") ? "970436" : "970405";
        Http manager = new Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD);
        Http.Response added = manager.postJson("/api/v1/traders/" + neighbour + "/accounts", Map.of("kind", "BANK",
                "bin", otherBank, "accountNo", first.account(), "holderName", "NGUYEN VAN KHAC",
                "confirmReason", "tài khoản của người nhà"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("reviewStatus").asString()).isEqualTo("PENDING_REVIEW");

        long before = credited(first.trader());
        assertThat(sePay("/webhooks/sepay", "k-123", first.account(), "", "FT-DUP-1", 23_456, "mua rau"))
                .isEqualTo(200);
        MatchAll.now(matcher, db);
        assertThat(credited(first.trader())).as("the first owner still hears it").isEqualTo(before + 23_456);

        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(board.get("/admin/accounts/review").body()).contains("Tài khoản trùng số chờ duyệt")
                .contains(first.account().substring(first.account().length() - 4));
        assertThat(new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD).get("/admin/accounts/review")
                .body()).as("another market's board does not see it").contains("Không có tài khoản nào chờ duyệt");
        UUID pending = UUID.fromString(added.json().get("id").asString());
        board.postForm("/admin/accounts/review/" + pending, Map.of("decision", "approve", "note",
                "đã xem sổ tài khoản ngân hàng"), "/admin/accounts/review");
        assertThat(db.sql("SELECT review_status FROM receiving_account WHERE id = ?").param(pending)
                .query(String.class).single()).isEqualTo("ACTIVE");

        // Now the number is at two banks: a payment that does not say which waits; one that does is placed.
        assertThat(sePay("/webhooks/sepay", "k-123", first.account(), "", "FT-DUP-2", 10_000, "mua rau"))
                .isEqualTo(200);
        String otherBankName = vn.cho40.bank.BankDirectory.shipped().byBin(otherBank).orElseThrow().shortName();
        assertThat(sePay("/webhooks/sepay", "k-123", first.account(), otherBankName, "FT-DUP-3", 11_000, "mua rau"))
                .isEqualTo(200);
        MatchAll.now(matcher, db);
        assertThat(event("FT-DUP-2").get("exception_reason")).isEqualTo("AMBIGUOUS_ACCOUNT");
        assertThat(event("FT-DUP-3").get("trader_id")).isEqualTo(neighbour);
    }
}
