package vn.cho40.home;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.shared.VnFormats;

/** Test helper: a SePay webhook (API key) booked at a given instant, and the wait for the matcher. */
final class Webhook {

    private static final DateTimeFormatter SEPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(VnFormats.VIETNAM);

    private Webhook() {
    }

    static int sePay(int port, String path, String apiKey, String account, String reference, long amount,
                     String content, Instant bookedAt) throws Exception {
        String body = "{\"id\":" + Math.abs((reference + path).hashCode()) + ",\"gateway\":\"\","
                + "\"transactionDate\":\"" + SEPAY_TIME.format(bookedAt) + "\",\"accountNumber\":\"" + account
                + "\",\"code\":null,\"content\":\"" + content + "\",\"transferType\":\"in\",\"transferAmount\":"
                + amount + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference
                + "\",\"description\":\"\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Apikey " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Waits (at most 10 s) until the background matcher has placed every received payment. */
    static void awaitMatched(JdbcClient db) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (db.sql("SELECT count(*) FROM payment_event WHERE status = 'RECEIVED'").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("payments still waiting to be matched after 10 s");
            }
            Thread.sleep(20);
        }
    }
}
