package vn.cho40.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.payment.InboundPayment.Provider;
import vn.cho40.payment.ProviderSecrets.Name;

/**
 * The providers' webhooks, platform-wide ({@code /webhooks/payos}) and per market for boards with their own
 * provider account ({@code /webhooks/payos/TN-DAITU}). Authenticity is checked first; every request, genuine
 * or forged, is stored; a 2xx is sent only after the store has committed. A genuine notification for an
 * unknown account is still 2xx (payOS registers a URL only after such a test call succeeds).
 */
@RestController
@Tag(name = "Webhooks")
class WebhookController {

    private final PaymentIngest ingest;
    private final Clock clock;
    private final ProviderSecrets secrets;
    private final Markets markets;

    private final io.micrometer.core.instrument.MeterRegistry meters;
    /** Looked up once per provider and outcome, not on every request. */
    private final Map<String, io.micrometer.core.instrument.Counter> counters =
            new java.util.concurrent.ConcurrentHashMap<>();

    WebhookController(PaymentIngest ingest, Clock clock, ProviderSecrets secrets, Markets markets,
                      io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.ingest = ingest;
        this.clock = clock;
        this.secrets = secrets;
        this.markets = markets;
    }

    /** Which secrets apply: the platform's, or one market's own. */
    private record Account(UUID marketId, String marketCode) {
        static final Account PLATFORM = new Account(null, null);
    }

    @PostMapping({"/webhooks/payos", "/webhooks/payos/{market}"})
    @Operation(summary = "payOS: HMAC-SHA256 over the sorted data string (CHO40_PAYOS_CHECKSUM_KEY, or the "
            + "market's payos-checksum-key)")
    ResponseEntity<?> payOs(@PathVariable(required = false) String market, @RequestBody byte[] body,
                            HttpServletRequest request) {
        Account account = account(market);
        if (account == null) {
            return unknownMarket(Provider.PAYOS, body, request);
        }
        String key = secret(account, Name.PAYOS_CHECKSUM_KEY);
        if (key.isBlank()) {
            return notConfigured("payOS");
        }
        return answer(Provider.PAYOS, Webhooks.payOs(body, key), body, request, account);
    }

    @PostMapping({"/webhooks/sepay", "/webhooks/sepay/{market}"})
    @Operation(summary = "SePay: Authorization: Apikey (CHO40_SEPAY_API_KEY) or X-SePay-Signature + timestamp "
            + "(CHO40_SEPAY_HMAC_SECRET); per market from the market secrets file")
    ResponseEntity<?> sePay(@PathVariable(required = false) String market, @RequestBody byte[] body,
                            HttpServletRequest request,
                            @RequestHeader(value = "Authorization", required = false) String authorization,
                            @RequestHeader(value = "X-SePay-Signature", required = false) String signature,
                            @RequestHeader(value = "X-SePay-Timestamp", required = false) String timestamp) {
        Account account = account(market);
        if (account == null) {
            return unknownMarket(Provider.SEPAY, body, request);
        }
        String hmac = secret(account, Name.SEPAY_HMAC_SECRET);
        String apiKey = secret(account, Name.SEPAY_API_KEY);
        Verdict verdict;
        if (signature != null && !hmac.isBlank()) {
            verdict = Webhooks.sePayHmac(body, signature, timestamp, hmac, clock.instant());
        } else if (!apiKey.isBlank()) {
            verdict = Webhooks.sePayApiKey(body, authorization, apiKey);
        } else {
            return notConfigured("SePay");
        }
        return answer(Provider.SEPAY, verdict, body, request, account);
    }

    @PostMapping({"/webhooks/casso", "/webhooks/casso/{market}"})
    @Operation(summary = "Casso: X-Casso-Signature (CHO40_CASSO_CHECKSUM_KEY) or legacy secure-token "
            + "(CHO40_CASSO_SECURE_TOKEN); per market from the market secrets file")
    ResponseEntity<?> casso(@PathVariable(required = false) String market, @RequestBody byte[] body,
                            HttpServletRequest request,
                            @RequestHeader(value = "X-Casso-Signature", required = false) String signature,
                            @RequestHeader(value = "secure-token", required = false) String token) {
        Account account = account(market);
        if (account == null) {
            return unknownMarket(Provider.CASSO, body, request);
        }
        String key = secret(account, Name.CASSO_CHECKSUM_KEY);
        String legacy = secret(account, Name.CASSO_SECURE_TOKEN);
        if (signature != null && !key.isBlank()) {
            return answer(Provider.CASSO_V2, Webhooks.cassoV2(body, signature, key, clock.instant()), body, request,
                    account);
        }
        if (!legacy.isBlank()) {
            return answer(Provider.CASSO, Webhooks.cassoLegacy(body, token, legacy), body, request, account);
        }
        return notConfigured("Casso");
    }

    @PostMapping("/webhooks/direct")
    @Operation(summary = "cho40 direct v1 for wallets and banks: headers X-Cho40-Partner, X-Cho40-Timestamp (unix "
            + "seconds, ±5 min), X-Cho40-Signature = v1=hex(HMAC-SHA256(partner secret, timestamp + \".\" + raw "
            + "body)); body {id, bankReference, account, direction in|out, amount (whole đồng), bookedAt "
            + "(ISO-8601 with offset), virtualAccount?, text?, reference?, payerName?, payerAccount?, payerBank?}. "
            + "Secrets: CHO40_DIRECT_PARTNERS=id:secret,...")
    ResponseEntity<?> direct(@RequestBody byte[] body, HttpServletRequest request,
                             @RequestHeader(value = "X-Cho40-Partner", required = false) String partner,
                             @RequestHeader(value = "X-Cho40-Timestamp", required = false) String timestamp,
                             @RequestHeader(value = "X-Cho40-Signature", required = false) String signature) {
        String secret = secrets.partner(partner);
        Verdict verdict = secret.isBlank()
                ? new Verdict.Rejected(Verdict.Reason.BAD_SIGNATURE, "unknown partner in X-Cho40-Partner")
                : DirectWebhook.verify(body, partner, timestamp, signature, secret, clock.instant());
        return answer(Provider.DIRECT, verdict, body, request, Account.PLATFORM);
    }

    private Account account(String marketCode) {
        if (marketCode == null) {
            return Account.PLATFORM;
        }
        if (!secrets.hasMarket(marketCode)) {
            return null;
        }
        return markets.find(marketCode).map(Market::id).map(id -> new Account(id, marketCode)).orElse(null);
    }

    private String secret(Account account, Name name) {
        return account.marketCode() == null ? secrets.platform(name) : secrets.market(account.marketCode(), name);
    }

    private ResponseEntity<?> unknownMarket(Provider provider, byte[] body, HttpServletRequest request) {
        return answer(provider, new Verdict.Rejected(Verdict.Reason.BAD_SIGNATURE,
                "no provider account is configured for this market"), body, request, Account.PLATFORM);
    }

    private ResponseEntity<?> answer(Provider provider, Verdict verdict, byte[] body, HttpServletRequest request,
                                     Account account) {
        try {
            ingest.record(provider, verdict, body, request.getRemoteAddr(), account.marketId())
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Chưa lưu được, hãy gửi lại (not stored, retry)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "interrupted");
        }
        String outcome = verdict instanceof Verdict.Rejected r0 ? r0.reason().name() : "ACCEPTED";
        counters.computeIfAbsent(provider.name() + "/" + outcome, k -> meters.counter("cho40.webhooks", "provider",
                provider.name(), "outcome", outcome)).increment();
        if (verdict instanceof Verdict.Rejected r) {
            HttpStatus status = r.reason() == Verdict.Reason.MALFORMED ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED;
            return problem(status, r.reason().name().toLowerCase(Locale.ROOT), r.detail());
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
