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
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.privacy.FieldCipher;

/** A statement uploaded through the pages: known lines recognised, missing ones added and matched, a different
 * amount queued, a statement that does not add up refused whole; the reconciliation report per day. */
@IntegrationTest
class StatementIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PaymentMatcher matcher;

    String account;
    UUID trader;

    void aDaiTuBankAccount() {
        var row = db.sql("""
                SELECT a.account_enc, a.trader_id FROM stall_default_account d JOIN stall s ON s.id = d.stall_id
                JOIN market m ON m.id = s.market_id JOIN receiving_account a ON a.id = d.account_id
                WHERE m.code = 'TN-DAITU' AND a.kind = 'BANK' ORDER BY s.code DESC LIMIT 1""")
                .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getObject(2, UUID.class)}).single();
        account = cipher.decrypt("account", (byte[]) row[0]);
        trader = (UUID) row[1];
    }

    void sePay(String reference, long amount, String time) throws Exception {
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"\",\"transactionDate\":\""
                + time + "\",\"accountNumber\":\"" + account + "\",\"code\":null,\"content\":\"mua hang\","
                + "\"transferType\":\"in\",\"transferAmount\":" + amount + ",\"accumulated\":0,\"subAccount\":null,"
                + "\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sepay"))
                .header("Authorization", "Apikey k-123").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    String csv(long closing) {
        return "Số tài khoản:," + account + ",,,\n"
                + "Số dư đầu kỳ:,\"500.000\",,,\n"
                + "Ngày GD,Số tham chiếu,Ghi nợ,Ghi có,Nội dung\n"
                + "20/11/2026 07:10,STM-KNOWN,,\"125.000\",mua hang\n"
                + "20/11/2026 08:00,STM-MISSING,,\"80.000\",tien rau\n"
                + "20/11/2026 12:00,STM-FEE,\"5.000\",,Phi dich vu\n"
                + "21/11/2026 09:30,STM-DIFF,,\"210.000\",tien thit\n"
                + "Số dư cuối kỳ:,\"" + String.format("%,d", closing).replace(',', '.') + "\",,,\n";
    }

    @Test
    void aStatementIsReconciledAgainstTheWebhooksAndRefusedWhenItDoesNotAddUp() throws Exception {
        aDaiTuBankAccount();
        sePay("STM-KNOWN", 125_000, "2026-11-20 07:10:00");
        sePay("STM-DIFF", 200_000, "2026-11-21 09:30:00");
        sePay("STM-NOT-ON-STATEMENT", 15_000, "2026-11-21 10:00:00");
        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        long statementsBefore = db.sql("SELECT count(*) FROM bank_statement").query(Long.class).single();

        // 500.000 + 125.000 + 80.000 − 5.000 + 210.000 = 910.000: a file saying 900.000 is refused whole.
        Http.Response wrong = board.upload("/payments/statements?market=TN-DAITU", "sao-ke.csv",
                csv(900_000).getBytes(StandardCharsets.UTF_8), "/payments/statements");
        assertThat(wrong.body()).contains("Sao kê không khớp").contains("910.000\u00a0₫").contains("900.000\u00a0₫");
        board.postForm("/payments/statements/confirm", Map.of(), "/payments/statements");
        assertThat(db.sql("SELECT count(*) FROM bank_statement").query(Long.class).single()).isEqualTo(statementsBefore);

        Http.Response preview = board.upload("/payments/statements?market=TN-DAITU", "sao-ke.csv",
                csv(910_000).getBytes(StandardCharsets.UTF_8), "/payments/statements");
        assertThat(preview.body()).contains("Sao kê khớp").contains("Mẫu sao kê mới")
                .contains("Xác nhận và nhập 4 giao dịch");
        Http.Response started = board.postForm("/payments/statements/confirm", Map.of(), "/payments/statements");
        assertThat(started.status()).isEqualTo(302);
        String report = follow(board, started);
        assertThat(report).contains("đã biết 1 · ghi thêm 2 · lệch 1");
        assertThat(report).contains("20/11/2026").contains("21/11/2026");

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"MATCHED".equals(status("STM-MISSING")) && System.nanoTime() < deadline) {
            matcher.matchPending();
            Thread.sleep(50);
        }
        assertThat(status("STM-MISSING")).as("added and matched as a webhook would be").isEqualTo("MATCHED");
        assertThat(db.sql("SELECT trader_id FROM payment_event WHERE bank_reference = 'STM-MISSING'")
                .query(UUID.class).single()).isEqualTo(trader);
        assertThat(status("STM-FEE")).isIn("RECEIVED", "DEBIT");
        assertThat(db.sql("SELECT exception_reason FROM payment_event WHERE bank_reference = 'STM-DIFF/SK'")
                .query(String.class).single()).isEqualTo("AMOUNT_DIFFERS");
        assertThat(board.get("/payments/exceptions").body()).contains("Sao kê khác số tiền đã báo");

        // The same statement again: every line is known, nothing is added twice.
        assertThat(board.upload("/payments/statements?market=TN-DAITU", "sao-ke.csv",
                csv(910_000).getBytes(StandardCharsets.UTF_8), "/payments/statements").body())
                .as("the layout confirmed once is remembered").contains("Mẫu sao kê đã xác nhận");
        Http.Response again = board.postForm("/payments/statements/confirm", Map.of(), "/payments/statements");
        assertThat(follow(board, again)).contains("đã biết 3 · ghi thêm 0 · lệch 1");
        assertThat(db.sql("SELECT count(*) FROM payment_event WHERE bank_reference = 'STM-MISSING'").query(Long.class)
                .single()).isOne();

        WebSession foreign = new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        UUID id = db.sql("SELECT id FROM bank_statement ORDER BY uploaded_at DESC LIMIT 1").query(UUID.class).single();
        assertThat(foreign.get("/payments/statements/" + id).status()).isEqualTo(404);
    }

    private String status(String reference) {
        return db.sql("SELECT status FROM payment_event WHERE bank_reference = ?").param(reference)
                .query(String.class).single();
    }

    /** Follows the job page until it hands over to the report. */
    private String follow(WebSession session, Http.Response started) throws InterruptedException {
        String jobPath = started.location();
        assertThat(jobPath).startsWith("/payments/statements/jobs/");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Http.Response r = session.get(jobPath);
            if (r.status() == 302) {
                return session.get(r.location()).body();
            }
            assertThat(r.body()).contains("Đang nhập sao kê");
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }
}
