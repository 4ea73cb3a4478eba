package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cho40.Cho40Application;
import vn.cho40.IntegrationTest;

/**
 * A real server set up as behind the recommended TLS proxy ({@code CHO40_HTTPS=true}, its own fresh database): the
 * session cookie is Secure, a request the proxy forwarded as HTTPS gets HSTS, the proxy's X-Forwarded-For is each
 * visitor's address (so one visitor's guessing holds back only that visitor), and metrics answer the metrics login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehindHttpsProxyIT {

    private static final String METRICS_PASSWORD = "metrics-test-password-0123";
    private static final String SOURCE_A = "203.0.113.7";
    private static final String SOURCE_B = "198.51.100.20";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ConfigurableApplicationContext app;
    private int port;

    @BeforeAll
    void startBehindTheProxy() {
        app = new SpringApplication(Cho40Application.class).run("--cho40.https=true", "--cho40.demo.enabled=false",
                "--cho40.sms.url=", "--cho40.database-url=", "--cho40.data-dir=target/it-db/https-" + UUID.randomUUID(),
                "--server.port=0", "--spring.main.banner-mode=off", "--cho40.metrics.password=" + METRICS_PASSWORD,
                "--cho40.admin.password=" + IntegrationTest.ADMIN_PASSWORD);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theCookieIsSecureAndHttpsRequestsGetHsts() {
        HttpResponse<String> https = send(request("/login").header("X-Forwarded-Proto", "https"));
        assertThat(https.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly");
        assertThat(https.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(send(request("/login")).headers().firstValue("Strict-Transport-Security"))
                .as("a plain HTTP request").isEmpty();
    }

    @Test
    void metricsAnswerTheMetricsLoginOnly() {
        HttpResponse<String> scrape = send(request("/actuator/prometheus")
                .header("Authorization", basic("metrics", METRICS_PASSWORD)));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(send(request("/actuator/prometheus").header("Authorization", basic("metrics", "wrong-password")))
                .statusCode()).isEqualTo(401);
        assertThat(send(request("/actuator/health")).body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],"
                + "\"status\":\"UP\"}");
    }

    /**
     * The national administrator, whom a lock would have shut out of the whole platform. Source A guesses (five wrong passwords over HTTP, then three more counted straight into the throttle, as if the
     * burst went on, so the test need not sleep through the 1 s, 2 s and 4 s waits); the cashier at source B logs in;
     * source A is told to wait, even with the right password.
     */
    @Test
    void oneSourcesGuessingHoldsBackThatSourceOnly() {
        for (int i = 0; i < 5; i++) {
            assertThat(me(SOURCE_A, "sai-mat-khau").statusCode()).isEqualTo(401);
        }
        LoginThrottle throttle = app.getBean(LoginThrottle.class);
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", SOURCE_A);
        }
        assertThat(me(SOURCE_B, IntegrationTest.ADMIN_PASSWORD).statusCode()).as("the admin at their own desk")
                .isEqualTo(200);
        HttpResponse<String> a = me(SOURCE_A, IntegrationTest.ADMIN_PASSWORD);
        assertThat(a.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 8L);
        assertThat(a.body()).contains("Hãy thử lại sau");
    }

    private HttpResponse<String> me(String source, String password) {
        return send(request("/api/v1/users/me").header("X-Forwarded-For", source)
                .header("Authorization", basic("admin", password)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
