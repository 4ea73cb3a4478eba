package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/**
 * What anyone on the network sees (security review part 1 #9, #12, #16, #18): metrics only for the metrics login,
 * the session cookie out of scripts' reach, a strict Content-Security-Policy on every page, and API writes by a
 * browser's session needing the page's CSRF token while machines with HTTP Basic need none.
 */
@IntegrationTest
class PublicSurfaceIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndNotSecureOnPlainHttp() {
        String cookie = new Client().get("/login").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/", "/markets/TN-DAITU", "/login", "/trader/login", "/no-such-page",
                "/css/app.css", "/api/v1/markets", "/swagger-ui/index.html"}) {
            String csp = new Client().get(path).headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "img-src 'self' data: blob:", "media-src 'self'", "connect-src 'self'", "object-src 'none'",
                    "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        }
    }

    /** Without CHO40_HTTPS nobody's X-Forwarded-Proto is believed: no HSTS, no Secure cookie over plain HTTP. */
    @Test
    void aForwardedProtoIsNotBelievedWithoutTheHttpsSwitch() {
        HttpResponse<String> r = new Client().send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }

    @Test
    void healthIsPublicStatusOnlyAndMetricsAreForTheMetricsLoginAlone() {
        HttpResponse<String> health = new Client().send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
        assertThat(new Client().send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode())
                .isEqualTo(200);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator")) {
            HttpResponse<String> anyone = new Client().send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(anyone.statusCode()).as(path).isEqualTo(401);
            assertThat(anyone.body()).as(path).doesNotContain("cho40_webhooks", "jvm_");
            HttpResponse<String> admin = new Client().send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic("admin", vn.cho40.IntegrationTest.ADMIN_PASSWORD)).GET());
            assertThat(admin.statusCode()).as("a staff login is not the metrics login: " + path).isEqualTo(401);
        }
    }

    @Test
    void aSessionCookieApiWriteNeedsThePagesTokenAndBasicAuthDoesNot() {
        Client browser = new Client();
        String loginToken = token(browser.get("/login").body());
        HttpResponse<String> login = browser.form("/login", Map.of("username", "tinh.thainguyen",
                "password", DemoProvince.DEMO_PASSWORD, "_csrf", loginToken));
        assertThat(login.statusCode()).isEqualTo(302);
        String pageToken = token(browser.get("/admin/users").body());

        HttpResponse<String> noToken = browser.postJson("/api/v1/users", user("csrf.khong"), Map.of());
        assertThat(noToken.statusCode()).as("the session cookie alone").isEqualTo(403);
        assertThat(browser.postJson("/api/v1/users", user("csrf.co"), Map.of("X-CSRF-TOKEN", pageToken))
                .statusCode()).isEqualTo(201);
        assertThat(browser.postJson("/api/v1/users", user("csrf.xsrf"), Map.of("X-XSRF-TOKEN", pageToken))
                .statusCode()).isEqualTo(201);
        assertThat(browser.postJson("/api/v1/users", user("csrf.sai"), Map.of("X-CSRF-TOKEN", "not-the-token"))
                .statusCode()).isEqualTo(403);

        Client machine = new Client();
        HttpResponse<String> basic = machine.postJson("/api/v1/users", user("csrf.may"),
                Map.of("Authorization", basic("tinh.thainguyen", DemoProvince.DEMO_PASSWORD)));
        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(201);
        assertThat(basic.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
    }

    private static String user(String username) {
        return """
                {"username":"%s","fullName":"Thử CSRF","password":"mat-khau-dai-1","role":"MARKET_CASHIER",
                 "scopeKind":"MARKET","scopeCode":"TN-DU"}""".formatted(username);
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a form with its token").isTrue();
        return m.group(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A browser: its own cookies, no redirects followed, any header. */
    private final class Client {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> form(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(b::header);
            return send(b);
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
