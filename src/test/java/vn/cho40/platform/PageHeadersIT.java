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
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;

/** Every page says what the browser may pass on and use; logging out clears what a shared phone kept. */
@IntegrationTest
class PageHeadersIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;

    @Test
    void everyPageSendsReferrerPolicyAndPermissionsPolicy() {
        Browser anyone = new Browser();
        for (String path : new String[] {"/", "/markets/TN-DAITU", "/trader/login", "/css/app.css", "/sw.js",
                "/no-such-page", "/api/v1/markets"}) {
            HttpResponse<String> r = anyone.get(path);
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(r.headers().firstValue("Permissions-Policy")).as(path)
                    .contains("camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()");
        }
    }

    @Test
    void staffLogoutClearsTheSitesCacheAndStorage() {
        Browser staff = new Browser();
        staff.post("/login", Map.of("username", "thungan.daitu", "password", DemoProvince.DEMO_PASSWORD), "/login");
        assertThat(staff.get("/payments/exceptions").statusCode()).isEqualTo(200);
        HttpResponse<String> out = staff.post("/logout", Map.of(), "/");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Clear-Site-Data")).contains("\"cache\", \"storage\"");
        assertThat(staff.get("/payments/exceptions").statusCode()).as("logged out").isEqualTo(302);
    }

    @Test
    void traderLogoutClearsTheSitesCacheAndStorage() {
        clock.advance(Duration.ofMinutes(16)); // other tests sent this trader codes
        Browser phone = new Browser();
        String number = demo.demoTraderPhone();
        phone.post("/trader/login/code", Map.of("phone", number), "/trader/login");
        Matcher code = Pattern.compile("(\\d{6})").matcher(((LogSmsSender) sms).lastMessage(number).orElseThrow());
        assertThat(code.find()).isTrue();
        phone.post("/trader/login", Map.of("phone", number, "code", code.group(1)), "/trader/login");
        assertThat(phone.get("/trader").statusCode()).isEqualTo(200);
        HttpResponse<String> out = phone.post("/logout", Map.of(), "/trader");
        assertThat(out.headers().firstValue("Clear-Site-Data")).contains("\"cache\", \"storage\"");
        assertThat(phone.get("/trader").statusCode()).as("logged out").isEqualTo(302);
    }

    /** A browser's requests: cookies, the CSRF token of the page named, Accept: text/html, no redirects followed. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> fields, String tokenPage) {
            Matcher token = CSRF.matcher(get(tokenPage).body());
            assertThat(token.find()).as("a form on " + tokenPage).isTrue();
            String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&", "", (fields.isEmpty() ? "" : "&") + "_csrf=" + enc(token.group(1))));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
