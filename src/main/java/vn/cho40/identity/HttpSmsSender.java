package vn.cho40.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An SMS gateway reached over HTTP: POST {"to": phone, "text": text} as JSON with a bearer token. Most
 * Vietnamese brand-name SMS gateways accept this shape or sit behind a relay that does.
 */
class HttpSmsSender implements SmsSender {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    HttpSmsSender(String endpoint, String token) {
        this.endpoint = URI.create(endpoint);
        this.token = token;
    }

    @Override
    public void send(String phone, String text) {
        String body = "{\"to\":\"" + phone + "\",\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("SMS gateway answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("SMS gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SMS", e);
        }
    }
}
