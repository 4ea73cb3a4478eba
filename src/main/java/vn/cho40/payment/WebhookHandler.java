package vn.cho40.payment;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/{provider}[/{market}]}, answered by Jetty itself, in front of the servlet container: at
 * thousands of requests a second the generic layers every page goes through (servlet request wrappers, session
 * and security handlers, the filter chain, Spring MVC's dispatch) cost more CPU than verifying and storing the
 * webhook (docs/benchmarks.md). Providers authenticate by signature, so none of those layers has work to do
 * here. Answers carry a Content-Length and go out in one write; refusals are RFC 9457 problem details, like the
 * rest of the API. Everything else passes to the servlet container untouched.
 */
final class WebhookHandler extends Handler.Wrapper {

    static final String PREFIX = "/webhooks/";
    /** Providers send a few kilobytes; anything much larger is refused (its hash and start are kept for audit). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** What a 503 asks the provider to wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] SUCCESS = "{\"success\":true}".getBytes(StandardCharsets.US_ASCII);

    private final WebhookEndpoint endpoint;
    private final WebhookSources sources;

    WebhookHandler(WebhookEndpoint endpoint, WebhookSources sources, Handler next) {
        super(next);
        this.endpoint = endpoint;
        this.sources = sources;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            return super.handle(request, response, callback);
        }
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            send(path, response, callback, new WebhookEndpoint.Answer(405, "method-not-allowed",
                    "webhooks are delivered with POST"));
            return true;
        }
        String[] segments = segments(path.substring(PREFIX.length()));
        if (segments == null) {
            send(path, response, callback, new WebhookEndpoint.Answer(404, "not-found",
                    "no such webhook: use /webhooks/{payos|sepay|casso}[/{market code}] or /webhooks/direct"));
            return true;
        }
        String remoteAddr = Request.getRemoteAddr(request);
        // Before the body is read: a source held back costs a map look-up, not a read, a hash and a row.
        long wait = sources.take(remoteAddr);
        if (wait > 0) {
            endpoint.throttled();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, wait);
            send(path, response, callback, new WebhookEndpoint.Answer(429, "too-many-requests",
                    "too many refused requests from this address: retry after " + wait + " s"));
            return true;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        WebhookEndpoint.Answer answer;
        try {
            answer = body.length > MAX_BODY_BYTES
                    ? endpoint.tooLarge(segments[0], body, remoteAddr, MAX_BODY_BYTES)
                    : endpoint.handle(segments[0], segments[1], body, name -> request.getHeaders().get(name),
                            remoteAddr);
        } catch (RuntimeException e) {
            // Not stored: the provider must send it again, so a 503, never a 500 with a stack trace.
            log.warn("webhook {} not handled: {}", path, e.toString());
            answer = new WebhookEndpoint.Answer(503, "unavailable", "Chưa lưu được, hãy gửi lại (not stored, retry)");
        }
        if (answer != null && answer.status() < 300) {
            sources.giveBack(remoteAddr);
        }
        if (answer != null && answer.status() == 503) {
            // Not stored (this cell's or the payment's cell's database is away): providers retry, sooner if told.
            response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        send(path, response, callback, answer == null
                ? new WebhookEndpoint.Answer(404, "not-found", "no such webhook: " + path) : answer);
        return true;
    }

    /** {provider, market or null} from the path after /webhooks/, or null when it has another shape. */
    static String[] segments(String rest) {
        String[] parts = rest.split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
            return null;
        }
        return new String[] {parts[0], parts.length == 2 ? parts[1] : null};
    }

    private static void send(String path, Response response, Callback callback, WebhookEndpoint.Answer answer) {
        byte[] bytes;
        if (answer.status() < 300) {
            bytes = SUCCESS;
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://cho40.vn/problems/webhook-" + answer.problemType());
            problem.put("title", HttpStatus.valueOf(answer.status()).getReasonPhrase());
            problem.put("status", answer.status());
            problem.put("detail", answer.detail());
            problem.put("instance", path);
            bytes = JSON.writeValueAsBytes(problem);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
