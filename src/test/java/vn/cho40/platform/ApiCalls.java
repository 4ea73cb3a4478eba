package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.demo.DemoProvince;

/** An API client for error answers: HTTP Basic (or none), Accept-Language, any Accept; answers keep their type. */
final class ApiCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final String username;
    private final String password;
    private final String language;

    ApiCalls(int port, String username, String language) {
        this(port, username, DemoProvince.DEMO_PASSWORD, language);
    }

    private ApiCalls(int port, String username, String password, String language) {
        this.port = port;
        this.username = username;
        this.password = password;
        this.language = language;
    }

    ApiCalls withPassword(String other) {
        return new ApiCalls(port, username, other, language);
    }

    Answer get(String path, String accept) {
        HttpRequest.Builder b = request(path).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b);
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    record Answer(String path, int status, String contentType, String body) {

        /** A problem+json of this status, type and title, with a detail, and nothing internal in it. */
        Answer expect(int expectedStatus, String type, String title) {
            assertThat(status).as(path + " " + body).isEqualTo(expectedStatus);
            assertThat(contentType).as(path).startsWith("application/problem+json");
            JsonNode p = JSON.readTree(body);
            assertThat(p.get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(p.get("type").asString()).isEqualTo("https://cho40.vn/problems/" + type);
            assertThat(p.get("title").asString()).as(path).isEqualTo(title);
            assertThat(p.get("detail").asString()).isNotBlank();
            assertThat(p.get("hint").asString()).isNotBlank();
            ErrorPagesIT.noInternals(body);
            return this;
        }

        Answer detail(String expected) {
            assertThat(JSON.readTree(body).get("detail").asString()).isEqualTo(expected);
            return this;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language);
        if (username != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> r = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(built.uri().getPath(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
