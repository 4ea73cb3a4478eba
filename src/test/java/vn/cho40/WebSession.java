package vn.cho40;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a screen: cookies, CSRF tokens from forms, form posts. For page-level tests. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String basicAuth;
    private String csrf;

    public WebSession(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        this.basicAuth = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Http.Response get(String path) {
        Http.Response r = send(request(path).GET());
        remember(r.body());
        return r;
    }

    /** The raw bytes of a download (XLSX, PDF), failing on anything but 200. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of the last page seen (fetching {@code tokenPage} first if none). */
    public Http.Response postForm(String path, Map<String, String> fields, String tokenPage) {
        return postFormMulti(path, List.copyOf(fields.entrySet()), tokenPage);
    }

    /** The same with fields that repeat (checkboxes of one name). */
    public Http.Response postFormMulti(String path, List<Map.Entry<String, String>> fields, String tokenPage) {
        if (csrf == null) {
            get(tokenPage);
        }
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http.Response r = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        remember(r.body());
        return r;
    }

    /** With the last page's CSRF token in X-CSRF-TOKEN, as a page's script sends it (a session's API writes need it). */
    public Http.Response postJson(String path, String json) {
        return send(withToken(request(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Http.Response putJson(String path, String json) {
        return send(withToken(request(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder b) {
        return csrf == null ? b : b.header("X-CSRF-TOKEN", csrf);
    }

    /** Uploads one file as the form field "file", with the CSRF token when the path is a page. */
    public Http.Response upload(String path, String filename, byte[] content, String tokenPage) {
        return upload(path, "file", filename, content, tokenPage);
    }

    /** The same with another form field name (a photo, for instance). */
    public Http.Response upload(String path, String field, String filename, byte[] content, String tokenPage) {
        if (csrf == null && !path.startsWith("/api/")) {
            get(tokenPage);
        }
        String boundary = "cho40" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        if (csrf != null && !path.startsWith("/api/")) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(csrf).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field)
                .append("\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, body, 0, h.length);
        System.arraycopy(content, 0, body, h.length, content.length);
        System.arraycopy(t, 0, body, h.length + content.length, t.length);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void remember(String body) {
        Matcher m = CSRF.matcher(body == null ? "" : body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (basicAuth != null) {
            b.header("Authorization", basicAuth);
        }
        return b;
    }

    private Http.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers().firstValue("Location")
                    .map(l -> l.startsWith(base) ? l.substring(base.length()) : l).orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
