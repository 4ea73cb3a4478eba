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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractStringAssert;
import vn.cho40.demo.DemoProvince;

/** A browser for error pages: cookies, the login form, Accept: text/html, no redirects followed. */
final class BrowserPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    private BrowserPages(int port) {
        this.port = port;
    }

    static BrowserPages anonymous(int port) {
        return new BrowserPages(port);
    }

    /** Logged in through the login form, as a person is: the session cookie, not HTTP Basic. */
    static BrowserPages loggedIn(int port, String username) {
        BrowserPages b = new BrowserPages(port);
        Matcher token = CSRF.matcher(b.get("/login").body());
        assertThat(token.find()).as("the login form's token").isTrue();
        HttpResponse<String> login = b.post("/login", Map.of("username", username, "password",
                DemoProvince.DEMO_PASSWORD, "_csrf", token.group(1)));
        assertThat(login.headers().firstValue("Location").orElse("")).as("logged in").doesNotContain("error");
        return b;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** An error page inside the layout of a logged-in staff member: menu, name, logout, the start page. */
    AbstractStringAssert<?> expect(HttpResponse<String> r, int status, String title, String username) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String body = r.body();
        assertThat(body).contains("<title>" + title + "</title>").contains("<h1>" + title + "</h1>")
                .containsPattern("(?s)<nav.*href=\"/(admin|payments|onboarding)/.*</nav>")
                .contains(username).contains("action=\"/logout\"").contains("href=\"/home\"");
        ErrorPagesIT.noInternals(body);
        return assertThat(body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString());
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
