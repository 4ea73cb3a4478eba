package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.cho40.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.IntegrationTest;
import vn.cho40.trader.StallAccounts;

@IntegrationTest
class MatchingIT {

    @Autowired
    vn.cho40.MatchedPayments matched;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    StallAccounts accounts;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate tx;

    private int sePay(String account, String reference, long amount, String type) throws Exception {
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"\","
                + "\"transactionDate\":\"2026-11-24 07:30:00\",\"accountNumber\":\"" + account + "\",\"code\":null,"
                + "\"content\":\"MUA RAU\",\"transferType\":\"" + type + "\",\"transferAmount\":" + amount
                + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sepay"))
                .header("Authorization", "Apikey k-123").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String status(String reference) {
        return db.sql("SELECT status FROM payment_event WHERE bank_reference = ?").param(reference)
                .query(String.class).single();
    }

    @Test
    void aCreditToATradersAccountIsMatchedPostedBalancedAndAnnounced() throws Exception {
        // A demo trader of Chợ Đại Từ with a bank account (wallet accounts are phone numbers).
        var demoAccount = db.sql("""
                SELECT a.id, a.trader_id, a.account_enc FROM receiving_account a JOIN market m ON m.id = a.market_id
                WHERE m.code = 'TN-DAITU' AND a.kind = 'BANK' LIMIT 1""")
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getBytes(3)}).single();
        String accountNumber = cipherDecrypt((byte[]) demoAccount[2]);
        assertThat(accounts.ownerOf(accountNumber)).get().extracting(StallAccounts.Owner::traderId)
                .isEqualTo(demoAccount[1]);

        assertThat(sePay(accountNumber, "FT-MATCH-1", 85_000, "in")).isEqualTo(200);
        assertThat(sePay("999888777666", "FT-NOBODY-1", 20_000, "in")).isEqualTo(200);
        assertThat(sePay(accountNumber, "FT-OUT-2", 10_000, "out")).isEqualTo(200);
        MatchAll.now(matcher, db);

        assertThat(status("FT-MATCH-1")).isEqualTo("MATCHED");
        assertThat(status("FT-NOBODY-1")).isEqualTo("EXCEPTION");
        assertThat(status("FT-OUT-2")).isEqualTo("DEBIT");
        UUID eventId = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-MATCH-1'").query(UUID.class)
                .single();
        assertThat(matched.seen()).anySatisfy(e -> {
            assertThat(e.paymentId()).isEqualTo(eventId);
            assertThat(e.amountVnd()).isEqualTo(85_000);
            assertThat(e.traderId()).isEqualTo(demoAccount[1]);
        });
        assertThat(db.sql("""
                SELECT sum(e.amount_vnd) FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
                WHERE t.payment_event_id = ?""").param(eventId).query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT amount_vnd FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id "
                + "WHERE t.payment_event_id = ? AND e.account LIKE 'trader:%'").param(eventId).query(Long.class)
                .single()).isEqualTo(-85_000);
        assertThat(matcher.matchPending()).as("nothing is matched twice").isZero();
    }

    private String demoBankAccount() {
        return db.sql("""
                SELECT a.account_enc FROM receiving_account a JOIN market m ON m.id = a.market_id
                WHERE m.code = 'TN-DAITU' AND a.kind = 'BANK' LIMIT 1""").query((rs, n) -> rs.getBytes(1)).optional()
                .map(this::cipherDecrypt).orElseThrow();
    }

    @Test
    void aPaymentDeliveredSeveralTimesAtOnceIsStoredPostedAndAnnouncedOnce() throws Exception {
        String account = demoBankAccount();
        // Three deliveries of each of four payments at the same moment: some meet in one ingest batch (one insert),
        // some in the next one (a conflict with a stored row).
        List<java.util.concurrent.CompletableFuture<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            for (int copy = 0; copy < 3; copy++) {
                String reference = "FT-TWICE-" + i;
                answers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return sePay(account, reference, 42_000, "in");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.get()).as("every delivery is acknowledged").isEqualTo(200));
        MatchAll.now(matcher, db);
        for (int i = 1; i <= 4; i++) {
            List<UUID> ids = db.sql("SELECT id FROM payment_event WHERE bank_reference = ?").param("FT-TWICE-" + i)
                    .query(UUID.class).list();
            assertThat(ids).as("stored once").hasSize(1);
            assertThat(status("FT-TWICE-" + i)).isEqualTo("MATCHED");
            assertThat(db.sql("SELECT count(*) FROM ledger_transaction WHERE payment_event_id = ?").param(ids.getFirst())
                    .query(Long.class).single()).as("posted once").isEqualTo(1);
            assertThat(matched.seen().stream().filter(e -> e.paymentId().equals(ids.getFirst())).count())
                    .as("announced once").isEqualTo(1);
        }
        assertThat(matcher.matchPending()).as("the sweep finds nothing the ingest matched").isZero();
    }

    @Test
    void aBatchWhoseMatchingFailsIsStoredAndMatchedOnceMatchingWorksAgain() throws Exception {
        String account = demoBankAccount();
        String code = vn.cho40.shared.PaymentCode.generate();
        BrokenIssuer.breaking.add(code);
        try {
            String body = "{\"id\":7700123,\"gateway\":\"\",\"transactionDate\":\"2026-11-24 07:30:00\","
                    + "\"accountNumber\":\"" + account + "\",\"code\":null,\"content\":\"TRA " + code + "\","
                    + "\"transferType\":\"in\",\"transferAmount\":15000,\"accumulated\":0,\"subAccount\":null,"
                    + "\"referenceCode\":\"FT-BROKEN-1\",\"description\":\"\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sepay"))
                    .header("Authorization", "Apikey k-123").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("acknowledged although matching failed").isEqualTo(200);
            assertThat(status("FT-BROKEN-1")).as("stored to be matched later").isEqualTo("RECEIVED");
            Thread.sleep(1_500); // the sweep (every second) meets the same failure and changes nothing
            assertThat(status("FT-BROKEN-1")).isEqualTo("RECEIVED");
        } finally {
            BrokenIssuer.breaking.remove(code);
        }
        MatchAll.now(matcher, db);
        // No issuer knows the code: the board's queue gets it with that reason, and nothing is posted.
        assertThat(status("FT-BROKEN-1")).isEqualTo("EXCEPTION");
        assertThat(db.sql("SELECT exception_reason, payment_code FROM payment_event WHERE bank_reference = 'FT-BROKEN-1'")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("UNKNOWN_CODE " + code);
        assertThat(db.sql("""
                SELECT count(*) FROM ledger_transaction t JOIN payment_event e ON e.id = t.payment_event_id
                WHERE e.bank_reference = 'FT-BROKEN-1'""").query(Long.class).single()).isZero();
    }

    @Test
    void theDatabaseRefusesAnUnbalancedOrEditedLedger() {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DU'").query(UUID.class).single();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            UUID t = UUID.randomUUID();
            db.sql("INSERT INTO ledger_transaction (id, market_id, posted_at) VALUES (?, ?, ?)")
                    .params(t, market, java.sql.Timestamp.from(Instant.now())).update();
            db.sql("INSERT INTO ledger_entry (transaction_id, line, market_id, account, amount_vnd) VALUES (?, 1, ?, 'a', 5)")
                    .params(t, market).update();
        })).as("refused by the database").rootCause().hasMessageContaining("does not balance");
        assertThatThrownBy(() -> ledger.post(market, null, null, "x", List.of(new Ledger.Line("a", 5))))
                .isInstanceOf(IllegalArgumentException.class);
        UUID posted = tx.execute(s -> ledger.post(market, null, null, "test", List.of(new Ledger.Line("a", 7),
                new Ledger.Line("b", -7))));
        assertThatThrownBy(() -> db.sql("UPDATE ledger_entry SET amount_vnd = 8 WHERE transaction_id = ?")
                .param(posted).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("INSERT INTO ledger_entry (transaction_id, line, market_id, account, amount_vnd) "
                + "VALUES (?, 3, ?, 'c', 2)").params(posted, market).update())
                .as("a later line that unbalances a posted transaction").hasMessageContaining("does not balance");
        UUID other = tx.execute(s -> ledger.post(market, null, null, "test", List.of(new Ledger.Line("a", 4),
                new Ledger.Line("b", -4))));
        assertThatThrownBy(() -> db.sql("INSERT INTO ledger_entry (transaction_id, line, market_id, account, amount_vnd) "
                + "VALUES (?, 3, ?, 'c', 2), (?, 4, ?, 'd', -2), (?, 3, ?, 'c', 1)")
                .params(posted, market, posted, market, other, market).update())
                .as("one statement, one balanced and one unbalanced transaction").hasMessageContaining(other.toString());
        assertThat(db.sql("SELECT count(*) FROM ledger_entry WHERE transaction_id IN (?, ?)").params(posted, other)
                .query(Long.class).single()).as("nothing half-written").isEqualTo(4);
        UUID elsewhere = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        assertThatThrownBy(() -> db.sql("INSERT INTO ledger_entry (transaction_id, line, market_id, account, amount_vnd) "
                + "VALUES (?, 3, ?, 'c', 2), (?, 4, ?, 'd', -2)").params(posted, elsewhere, posted, elsewhere).update())
                .as("lines in another market than their transaction").hasMessageContaining("foreign key");
    }

    @Autowired
    vn.cho40.privacy.FieldCipher cipher;

    private String cipherDecrypt(byte[] enc) {
        return cipher.decrypt("account", enc);
    }
}
