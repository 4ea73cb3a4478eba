package vn.cho40.payment;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.payment.InboundPayment.Provider;

/**
 * {@code POST /webhooks/{provider}[/{market}]} as a plain servlet, not through the MVC dispatcher: at
 * thousands of requests a second, the dispatcher's generic work (handler lookup, argument resolvers, content
 * negotiation, a chunked JSON answer) was a quarter of a webhook's CPU in a profile, the verification and
 * storing it wraps barely half (docs/benchmarks.md). Answers carry a Content-Length and go out in one write.
 * Refusals are RFC 9457 problem details, like the rest of the API.
 */
final class WebhookServlet extends HttpServlet {

    /** Providers send a few kilobytes; anything much larger is refused (its start is kept for audit). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] SUCCESS = "{\"success\":true}".getBytes(StandardCharsets.US_ASCII);

    private final transient WebhookEndpoint endpoint;
    private final transient PaymentIngest ingest;

    WebhookServlet(WebhookEndpoint endpoint, PaymentIngest ingest) {
        this.endpoint = endpoint;
        this.ingest = ingest;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = segments(request.getPathInfo());
        if (path == null) {
            send(request, response, new WebhookEndpoint.Answer(404, "not-found",
                    "no such webhook: use /webhooks/{payos|sepay|casso}[/{market code}] or /webhooks/direct"));
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        WebhookEndpoint.Answer answer = body.length > MAX_BODY_BYTES
                ? tooLarge(path[0], body, request.getRemoteAddr())
                : endpoint.handle(path[0], path[1], body, request::getHeader, request.getRemoteAddr());
        send(request, response, answer == null ? new WebhookEndpoint.Answer(404, "not-found",
                "no such webhook: " + request.getRequestURI()) : answer);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            send(request, response, new WebhookEndpoint.Answer(405, "method-not-allowed",
                    "webhooks are delivered with POST"));
            return;
        }
        doPost(request, response);
    }

    /** {provider, market or null} from the path after /webhooks, or null when it has another shape. */
    private static String[] segments(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return null;
        }
        String[] parts = pathInfo.substring(1).split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
            return null;
        }
        return new String[] {parts[0], parts.length == 2 ? parts[1] : null};
    }

    private WebhookEndpoint.Answer tooLarge(String provider, byte[] body, String remoteAddr) {
        String detail = "the body is larger than " + MAX_BODY_BYTES / 1024 + " KB";
        Provider p = switch (provider) {
            case "payos" -> Provider.PAYOS;
            case "sepay" -> Provider.SEPAY;
            case "casso" -> Provider.CASSO;
            default -> Provider.DIRECT;
        };
        try {
            ingest.record(p, new Verdict.Rejected(Verdict.Reason.MALFORMED, detail), body, remoteAddr).get();
        } catch (Exception notStored) {
            // Refused either way; the audit row is best effort for a body this size.
        }
        return new WebhookEndpoint.Answer(413, "too-large", detail);
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, WebhookEndpoint.Answer answer)
            throws IOException {
        byte[] bytes;
        if (answer.status() < 300) {
            bytes = SUCCESS;
            response.setContentType("application/json");
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://cho40.vn/problems/webhook-" + answer.problemType());
            problem.put("title", HttpStatus.valueOf(answer.status()).getReasonPhrase());
            problem.put("status", answer.status());
            problem.put("detail", answer.detail());
            problem.put("instance", request.getRequestURI());
            bytes = JSON.writeValueAsBytes(problem);
            response.setContentType("application/problem+json");
        }
        response.setStatus(answer.status());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
