package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;

@IntegrationTest
class WebhookIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    java.time.Clock clock;

    private HttpResponse<String> post(String path, String body, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long events(String reference) {
        return db.sql("SELECT count(*) FROM payment_event WHERE bank_reference = ?").param(reference)
                .query(Long.class).single();
    }

    @Test
    void aGenuinePayOsNotificationIsStoredOnceHoweverOftenItComes() throws Exception {
        long requestsBefore = db.sql("SELECT count(*) FROM inbound_request").query(Long.class).single();
        HttpResponse<String> first = post("/webhooks/payos", WebhookVectors.PAYOS_BODY);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"success\":true");
        assertThat(post("/webhooks/payos", WebhookVectors.PAYOS_BODY).statusCode()).as("a retry").isEqualTo(200);
        assertThat(events("TF230204212323")).isEqualTo(1);
        assertThat(db.sql("SELECT amount_vnd FROM payment_event WHERE bank_reference = 'TF230204212323'")
                .query(Long.class).single()).isEqualTo(3000);
        assertThat(db.sql("SELECT count(*) FROM inbound_request").query(Long.class).single())
                .isEqualTo(requestsBefore + 2);

        // The same transfer (same account, same bank reference) reported by SePay: acknowledged, not counted twice.
        String sepay = "{\"id\":777001,\"gateway\":\"MBBank\",\"transactionDate\":\"2023-02-04 18:25:00\","
                + "\"accountNumber\":\"12345678\",\"code\":null,\"content\":\"VQRIO123\",\"transferType\":\"in\","
                + "\"transferAmount\":3000,\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"TF230204212323\","
                + "\"description\":\"\"}";
        // The server's clock, which other tests may have moved forward.
        String ts = Long.toString(clock.instant().getEpochSecond());
        String sig = "sha256=" + Signatures.hmacHex("HmacSHA256", "sepay-secret",
                (ts + "." + sepay).getBytes(StandardCharsets.UTF_8));
        assertThat(post("/webhooks/sepay/TN-DU", sepay, "X-SePay-Signature", sig, "X-SePay-Timestamp", ts)
                .statusCode()).isEqualTo(200);
        assertThat(events("TF230204212323")).isEqualTo(1);
    }

    @Test
    void forgedStaleAndMalformedRequestsAreRefusedWithAReasonAndKeptForAudit() throws Exception {
        HttpResponse<String> forged = post("/webhooks/payos",
                WebhookVectors.PAYOS_BODY.replace("TF230204212323", "TF999").replace("3000", "3000000"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("signature does not match");
        assertThat(events("TF999")).isZero();
        assertThat(db.sql("SELECT count(*) FROM inbound_request WHERE outcome = 'REJECTED' AND reason LIKE 'BAD_SIGNATURE%'")
                .query(Long.class).single()).isPositive();

        HttpResponse<String> stale = post("/webhooks/sepay/TN-DU", WebhookVectors.SEPAY_BODY, "X-SePay-Signature",
                WebhookVectors.SEPAY_SIGNATURE, "X-SePay-Timestamp", "1600000000");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(post("/webhooks/sepay", "{not json", "Authorization", "Apikey k-123").statusCode()).isEqualTo(400);
        assertThat(post("/webhooks/casso", "{\"error\":0,\"data\":[]}").statusCode()).as("no token").isEqualTo(401);
    }

    @Test
    void moneyOutIsRecordedAsADebit() throws Exception {
        String body = "{\"error\":0,\"data\":[{\"id\":9001,\"tid\":\"FT-OUT-1\",\"description\":\"RUT TIEN\","
                + "\"amount\":-50000,\"cusum_balance\":0,\"when\":\"2026-11-24 09:00:00\","
                + "\"bank_sub_acc_id\":\"2200123456789\"}]}";
        assertThat(post("/webhooks/casso", body, "secure-token", "tok").statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT direction FROM payment_event WHERE bank_reference = 'FT-OUT-1'").query(String.class)
                .single()).isEqualTo("DEBIT");
    }

    @Test
    void refusalsAreProblemDetailsThatSayWhatIsWrong() throws Exception {
        HttpResponse<String> forged = post("/webhooks/sepay", WebhookVectors.SEPAY_BODY, "Authorization", "Apikey nope");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(forged.body()).contains("\"status\":401", "\"instance\":\"/webhooks/sepay\"",
                "webhook-bad_signature");

        assertThat(post("/webhooks/paypal", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/webhooks/sepay/TN-DAITU/extra", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/webhooks/direct/TN-DAITU", "{}").statusCode()).as("direct has no per-market URL")
                .isEqualTo(404);

        HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/webhooks/sepay")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");

        long refusedBefore = db.sql("SELECT count(*) FROM inbound_request WHERE reason LIKE 'MALFORMED: the body is "
                + "larger%'").query(Long.class).single();
        HttpResponse<String> huge = post("/webhooks/sepay", "{\"pad\":\"" + "x".repeat(300_000) + "\"}",
                "Authorization", "Apikey k-123");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("larger than 256 KB");
        assertThat(db.sql("SELECT count(*) FROM inbound_request WHERE reason LIKE 'MALFORMED: the body is larger%'")
                .query(Long.class).single()).as("kept for audit").isEqualTo(refusedBefore + 1);
    }

    @Test
    void theWebhooksAndOurOwnSignedFormatAreInTheOpenApiDocument() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/webhooks/payos\"", "\"/webhooks/sepay/{market}\"",
                "\"/webhooks/casso\"", "\"/webhooks/direct\"", "X-Cho40-Signature", "bankReference", "bookedAt",
                "/api/v1/markets");
    }
}
