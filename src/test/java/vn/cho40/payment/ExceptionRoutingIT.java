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
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/**
 * A payment exception that names no market reaches the administrators of the province whose provider credential
 * received it (the tests configure the platform's credentials for Thái Nguyên, 19), not only national staff; one
 * received by a market's own credentials carries that market's province and waits in its queue.
 */
@IntegrationTest
class ExceptionRoutingIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;

    @Test
    void anExceptionOfNoMarketWaitsForTheProvinceOfTheCredential() throws Exception {
        String ref = "ROUTE-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(sePay("/webhooks/sepay", "k-123", "77770000111", ref, 31_000)).isEqualTo(200);
        assertThat(sePay("/webhooks/sepay/TN-DAITU", "daitu-own-key", "77770000222", ref + "-M", 32_000))
                .isEqualTo(200);
        MatchAll.now(matcher, db);
        Map<String, Object> platform = event(ref);
        assertThat(platform).containsEntry("status", "EXCEPTION").containsEntry("province_code", "19");
        assertThat(platform.get("market_id")).isNull();
        assertThat(event(ref + "-M")).containsEntry("status", "EXCEPTION").containsEntry("province_code", "19");
        String card = "id=\"x-" + platform.get("id") + "\"";

        WebSession thaiNguyen = new WebSession(port, "tinh.thainguyen", PASSWORD);
        assertThat(thaiNguyen.get("/payments/exceptions").body()).contains(card);
        assertThat(new WebSession(port, "tinh.dienbien", PASSWORD).get("/payments/exceptions").body())
                .as("another province").doesNotContain(card);
        assertThat(new WebSession(port, "bql.daitu", PASSWORD).get("/payments/exceptions").body())
                .as("a market board sees only its market's").doesNotContain(card)
                .contains("id=\"x-" + event(ref + "-M").get("id") + "\"");
        assertThat(new WebSession(port, "admin", IntegrationTest.ADMIN_PASSWORD).get("/payments/exceptions").body())
                .contains(card);

        WebSession dienBien = new WebSession(port, "tinh.dienbien", PASSWORD);
        assertThat(dienBien.postForm("/payments/exceptions/" + platform.get("id") + "/not-ours",
                Map.of("reason", "không phải của tỉnh"), "/payments/exceptions").status()).isEqualTo(404);
        assertThat(thaiNguyen.postForm("/payments/exceptions/" + platform.get("id") + "/not-ours",
                Map.of("reason", "khách chuyển nhầm tài khoản"), "/payments/exceptions").status()).isEqualTo(302);
        assertThat(event(ref)).containsEntry("status", "NOT_OURS");
        assertThat(db.sql("SELECT province_code FROM audit_log WHERE action = 'PAYMENT_NOT_OURS' AND subject_id = ?")
                .param(platform.get("id").toString()).query(String.class).single()).isEqualTo("19");
    }

    private Map<String, Object> event(String reference) {
        return db.sql("SELECT id, status, province_code, market_id FROM payment_event WHERE bank_reference = ?")
                .param(reference).query().singleRow();
    }

    private int sePay(String path, String apiKey, String account, String reference, long amount) throws Exception {
        String body = "{\"id\":" + Math.abs((reference + path).hashCode()) + ",\"gateway\":\"\","
                + "\"transactionDate\":\"2026-11-23 07:30:00\",\"accountNumber\":\"" + account + "\",\"code\":null,"
                + "\"content\":\"khong ro\",\"transferType\":\"in\",\"transferAmount\":" + amount
                + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Apikey " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
