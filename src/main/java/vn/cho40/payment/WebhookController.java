package vn.cho40.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.payment.InboundPayment.Provider;

/**
 * The providers' webhooks. Authenticity is checked first; every request, genuine or forged, is stored; a
 * 2xx is sent only after the store has committed. A genuine notification for an unknown account is still
 * 2xx (payOS registers a URL only after such a test call succeeds).
 */
@RestController
@Tag(name = "Webhooks")
class WebhookController {

    private final PaymentIngest ingest;
    private final Clock clock;
    private final Map<String, String> secrets;

    WebhookController(PaymentIngest ingest, Clock clock,
                      @Value("${cho40.payos.checksum-key:}") String payOsKey,
                      @Value("${cho40.sepay.api-key:}") String sePayApiKey,
                      @Value("${cho40.sepay.hmac-secret:}") String sePayHmacSecret,
                      @Value("${cho40.casso.secure-token:}") String cassoToken,
                      @Value("${cho40.casso.checksum-key:}") String cassoKey) {
        this.ingest = ingest;
        this.clock = clock;
        this.secrets = Map.of("payos", payOsKey, "sepay-key", sePayApiKey, "sepay-hmac", sePayHmacSecret,
                "casso-token", cassoToken, "casso-key", cassoKey);
    }

    @PostMapping("/webhooks/payos")
    @Operation(summary = "payOS: HMAC-SHA256 over the sorted data string (CHO40_PAYOS_CHECKSUM_KEY)")
    ResponseEntity<?> payOs(@RequestBody byte[] body, HttpServletRequest request) {
        if (secrets.get("payos").isBlank()) {
            return notConfigured("payOS");
        }
        return answer(Provider.PAYOS, Webhooks.payOs(body, secrets.get("payos")), body, request);
    }

    @PostMapping("/webhooks/sepay")
    @Operation(summary = "SePay: Authorization: Apikey (CHO40_SEPAY_API_KEY) or X-SePay-Signature + timestamp "
            + "(CHO40_SEPAY_HMAC_SECRET)")
    ResponseEntity<?> sePay(@RequestBody byte[] body, HttpServletRequest request,
                            @RequestHeader(value = "Authorization", required = false) String authorization,
                            @RequestHeader(value = "X-SePay-Signature", required = false) String signature,
                            @RequestHeader(value = "X-SePay-Timestamp", required = false) String timestamp) {
        Verdict verdict;
        if (signature != null && !secrets.get("sepay-hmac").isBlank()) {
            verdict = Webhooks.sePayHmac(body, signature, timestamp, secrets.get("sepay-hmac"), clock.instant());
        } else if (!secrets.get("sepay-key").isBlank()) {
            verdict = Webhooks.sePayApiKey(body, authorization, secrets.get("sepay-key"));
        } else {
            return notConfigured("SePay");
        }
        return answer(Provider.SEPAY, verdict, body, request);
    }

    @PostMapping("/webhooks/casso")
    @Operation(summary = "Casso: X-Casso-Signature (CHO40_CASSO_CHECKSUM_KEY) or legacy secure-token "
            + "(CHO40_CASSO_SECURE_TOKEN)")
    ResponseEntity<?> casso(@RequestBody byte[] body, HttpServletRequest request,
                            @RequestHeader(value = "X-Casso-Signature", required = false) String signature,
                            @RequestHeader(value = "secure-token", required = false) String token) {
        if (signature != null && !secrets.get("casso-key").isBlank()) {
            return answer(Provider.CASSO_V2, Webhooks.cassoV2(body, signature, secrets.get("casso-key"),
                    clock.instant()), body, request);
        }
        if (!secrets.get("casso-token").isBlank()) {
            return answer(Provider.CASSO, Webhooks.cassoLegacy(body, token, secrets.get("casso-token")), body,
                    request);
        }
        return notConfigured("Casso");
    }

    private ResponseEntity<?> answer(Provider provider, Verdict verdict, byte[] body, HttpServletRequest request) {
        try {
            ingest.record(provider, verdict, body, request.getRemoteAddr()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Chưa lưu được, hãy gửi lại (not stored, retry)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "interrupted");
        }
        if (verdict instanceof Verdict.Rejected r) {
            HttpStatus status = r.reason() == Verdict.Reason.MALFORMED ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED;
            return problem(status, r.reason().name().toLowerCase(java.util.Locale.ROOT), r.detail());
        }
        return ResponseEntity.ok(Map.of("success", true));
    }

    private static ResponseEntity<?> notConfigured(String provider) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-configured", provider
                + " webhooks are not configured on this server (secret missing)");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://cho40.vn/problems/webhook-" + type));
        return ResponseEntity.status(status).body(p);
    }
}
