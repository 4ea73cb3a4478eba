package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;

/**
 * Intake that cannot be used against the server: refusals stay small and few per source, a source that only earns
 * refusals is held back, genuine providers are not, bad input is a recorded 400, not a 503 to retry forever.
 * Each test sends from its own loopback address (127.0.0.x), so the per-source limits do not mix.
 */
@IntegrationTest
class WebhookIntakeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;

    private HttpClient from(String source) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(source)).build();
    }

    private HttpResponse<String> post(HttpClient client, String path, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String body, String... headers)
            throws Exception {
        return post(client, path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private long rows(String source) {
        return db.sql("SELECT count(*) FROM inbound_request WHERE remote_addr = ?").param(source).query(Long.class)
                .single();
    }

    /** A direct webhook signed with the test partner's secret, as a genuine partner sends it. */
    private String[] signedDirect(String body) {
        long ts = clock.instant().getEpochSecond();
        return new String[] {"X-Cho40-Partner", "wallet-test", "X-Cho40-Timestamp", Long.toString(ts),
                "X-Cho40-Signature", DirectWebhook.sign(body.getBytes(StandardCharsets.UTF_8), ts, "direct-secret")};
    }

    private String direct(String id, long amount, String direction) {
        return "{\"id\":\"" + id + "\",\"bankReference\":\"" + id + "\",\"account\":\"5550001112223\","
                + "\"direction\":\"" + direction + "\",\"amount\":" + amount
                + ",\"bookedAt\":\"2026-12-01T08:15:00+07:00\",\"text\":\"intake test\"}";
    }

    @Test
    void forgedLargeBodiesStoreOnlyTheirHashAndStart() throws Exception {
        HttpClient client = from("127.0.0.21");
        byte[] body = new byte[WebhookHandler.MAX_BODY_BYTES];
        java.util.Arrays.fill(body, (byte) 'x');
        System.arraycopy("{\"pad\":\"".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 8);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        long sizeBefore = db.sql("SELECT pg_total_relation_size('inbound_request')").query(Long.class).single();
        for (int i = 0; i < 200; i++) {
            assertThat(post(client, "/webhooks/direct", body, "X-Cho40-Partner", "x").statusCode()).isEqualTo(401);
        }
        long grown = db.sql("SELECT pg_total_relation_size('inbound_request')").query(Long.class).single()
                - sizeBefore;
        // Whole bodies took 52 MB for 200 such requests; their hashes and first kilobytes take a few hundred KB.
        assertThat(grown).as("bytes the table grew").isLessThan(2_000_000);
        assertThat(rows("127.0.0.21")).as("every refusal is still recorded").isEqualTo(200);
        assertThat(db.sql("SELECT max(octet_length(body_enc)) FROM inbound_request WHERE remote_addr = '127.0.0.21'")
                .query(Long.class).single()).isLessThan(1200);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(body);
        assertThat(db.sql("SELECT count(*) FROM inbound_request WHERE remote_addr = '127.0.0.21' AND body_sha256 = ? "
                + "AND body_bytes = ?").params(sha, body.length).query(Long.class).single()).isEqualTo(200);
    }

    @Test
    void refusalsBeyondTheHourlyAllowanceAreCountedNotStored() throws Exception {
        HttpClient client = from("127.0.0.22");
        // The allowance is per hour of the application's clock (tests of the run move it on): start inside an hour,
        // not in its last minute, or the count starts again halfway through.
        long intoHour = clock.millis() % 3_600_000;
        if (intoHour > 3_600_000 - 60_000) {
            ((vn.cho40.TestClock) clock).advance(java.time.Duration.ofMillis(3_600_000 - intoHour + 1_000));
        }
        double unstoredBefore = meters.counter("cho40.webhooks.refusals.unstored").count();
        int refused = 0;
        while (refused < 310) {
            HttpResponse<String> r = post(client, "/webhooks/direct", "{}", "X-Cho40-Partner", "x");
            if (r.statusCode() == 429) {
                Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()));
                continue;
            }
            assertThat(r.statusCode()).isEqualTo(401);
            refused++;
        }
        assertThat(rows("127.0.0.22")).as("cho40.webhooks.refusals-per-source-hour").isEqualTo(300);
        assertThat(meters.counter("cho40.webhooks.refusals.unstored").count() - unstoredBefore).isEqualTo(10);
    }

    @Test
    void aSourceThatOnlyEarnsRefusalsIsHeldBackWithRetryAfter() throws Exception {
        HttpClient client = from("127.0.0.23");
        HttpResponse<String> held = null;
        for (int i = 0; i < 2000 && held == null; i++) {
            HttpResponse<String> r = post(client, "/webhooks/payos", "{\"data\":{},\"signature\":\"00\"}");
            if (r.statusCode() == 429) {
                held = r;
            }
        }
        assertThat(held).as("a 429 once the burst is spent").isNotNull();
        assertThat(Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(held.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(held.body()).contains("\"status\":429", "webhook-too-many-requests");
    }

    @Test
    void genuineProvidersAreNotHeldBackWhateverTheirRate() throws Exception {
        HttpClient client = from("127.0.0.24");
        String run = Long.toString(System.nanoTime(), 36);
        // 16 senders, 640 requests: well beyond the burst (200) and what 50/s refills during the run.
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Integer>>> all = new ArrayList<>();
            for (int s = 0; s < 16; s++) {
                int sender = s;
                all.add(senders.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        String body = direct("RATE-" + run + "-" + sender + "-" + i, 1000, "out");
                        statuses.add(post(client, "/webhooks/direct", body, signedDirect(body)).statusCode());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> f : all) {
                assertThat(f.get()).containsOnly(200);
            }
        }
    }

    @Test
    void deeplyNestedBodiesAreRefusedAsMalformedAndRecorded() throws Exception {
        HttpClient client = from("127.0.0.25");
        String nested = "[".repeat(70) + "]".repeat(70);
        HttpResponse<String> payOs = post(client, "/webhooks/payos",
                "{\"data\":{\"x\":" + nested + "},\"signature\":\"00\"}");
        assertThat(payOs.statusCode()).as("not 503: a retry would not help").isEqualTo(400);
        assertThat(payOs.body()).contains("nested deeper than 64 levels");
        String t = Long.toString(clock.millis());
        HttpResponse<String> casso = post(client, "/webhooks/casso", "{\"data\":{\"x\":" + nested + "}}",
                "X-Casso-Signature", "t=" + t + ",v1=00");
        assertThat(casso.statusCode()).isEqualTo(400);
        assertThat(db.sql("SELECT count(*) FROM inbound_request WHERE remote_addr = '127.0.0.25' AND outcome = "
                + "'REJECTED' AND reason LIKE 'MALFORMED:%nested deeper%'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void sePayRequiresTheHmacWhenOneIsConfigured() throws Exception {
        HttpClient client = from("127.0.0.26");
        String body = WebhookVectors.SEPAY_BODY.replace("MBVCB.3278907687", "HMAC-ONLY-1");
        HttpResponse<String> keyOnly = post(client, "/webhooks/sepay/TN-DU", body, "Authorization",
                "Apikey du-own-key");
        assertThat(keyOnly.statusCode()).as("the API key alone signs no time").isEqualTo(401);
        assertThat(keyOnly.body()).contains("X-SePay-Signature");
        String ts = Long.toString(clock.instant().getEpochSecond());
        String sig = "sha256=" + Signatures.hmacHex("HmacSHA256", "sepay-secret",
                (ts + "." + body).getBytes(StandardCharsets.UTF_8));
        assertThat(post(client, "/webhooks/sepay/TN-DU", body, "X-SePay-Signature", sig, "X-SePay-Timestamp", ts)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void amountsAboveTheCeilingAreRefusedWhateverTheProvider() throws Exception {
        HttpClient client = from("127.0.0.27");
        String above = direct("CEIL-" + System.nanoTime(), 10_000_000_001L, "in");
        HttpResponse<String> direct = post(client, "/webhooks/direct", above, signedDirect(above));
        assertThat(direct.statusCode()).isEqualTo(400);
        assertThat(direct.body()).contains("above the ceiling of 10000000000");
        String at = direct("CEIL-" + System.nanoTime(), 10_000_000_000L, "out");
        assertThat(post(client, "/webhooks/direct", at, signedDirect(at)).statusCode()).as("at the ceiling")
                .isEqualTo(200);

        String sePay = WebhookVectors.SEPAY_BODY.replace("MBVCB.3278907687", "CEIL-SEPAY")
                .replace("\"transferAmount\":125000", "\"transferAmount\":900000000000000000");
        HttpResponse<String> huge = post(client, "/webhooks/sepay", sePay, "Authorization", "Apikey k-123");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("above the ceiling");
        assertThat(db.sql("SELECT count(*) FROM payment_event WHERE bank_reference = 'CEIL-SEPAY' OR amount_vnd > "
                + "10000000000").query(Long.class).single()).isZero();
    }
}
