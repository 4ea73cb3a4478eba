package vn.cho40.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.cho40.market.Markets;
import vn.cho40.payment.InboundPayment.Provider;
import vn.cho40.payment.ProviderSecrets.Name;

/**
 * The providers' webhooks, platform-wide ({@code /webhooks/payos}) and per market for boards with their own
 * provider account ({@code /webhooks/payos/TN-DAITU}). Authenticity is checked first; every request, genuine
 * or forged, is stored (a refusal only by its hash and start, and no more than
 * {@code cho40.webhooks.refusals-per-source-hour} a source); a 2xx is sent only after the store has committed.
 * A genuine notification for an unknown account is still 2xx (payOS registers a URL only after such a test call
 * succeeds); an amount above {@code cho40.payments.max-amount-vnd} is refused as malformed. Served by
 * {@link WebhookHandler}; documented by {@link WebhookApiDocs}.
 */
@Component
class WebhookEndpoint {

    /** The answer to one request: a status and a small JSON body (a problem detail when refused). */
    record Answer(int status, String problemType, String detail) {
        static final Answer OK = new Answer(200, null, null);
    }

    private final PaymentIngest ingest;
    private final AccountCells cells;
    private final Clock clock;
    private final ProviderSecrets secrets;
    private final Markets markets;
    private final MeterRegistry meters;
    private final WebhookSources sources;
    private final long maxAmountVnd;
    /** Looked up once per provider and outcome, not on every request. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter throttled;
    private final Counter unstored;

    WebhookEndpoint(PaymentIngest ingest, AccountCells cells, Clock clock, ProviderSecrets secrets, Markets markets,
                    MeterRegistry meters, WebhookSources sources,
                    @Value("${cho40.payments.max-amount-vnd}") long maxAmountVnd) {
        if (maxAmountVnd <= 0) {
            throw new IllegalArgumentException("cho40.payments.max-amount-vnd must be positive");
        }
        this.ingest = ingest;
        this.cells = cells;
        this.clock = clock;
        this.secrets = secrets;
        this.markets = markets;
        this.meters = meters;
        this.sources = sources;
        this.maxAmountVnd = maxAmountVnd;
        this.throttled = meters.counter("cho40.webhooks.throttled");
        this.unstored = meters.counter("cho40.webhooks.refusals.unstored");
    }

    /** Counts a request answered 429 before it was read. */
    void throttled() {
        throttled.increment();
    }

    /** Which secrets apply: the platform's, or one market's own (with that market's province). */
    /** Whose provider account received the request; {@code route}: where that market lives (another cell or here). */
    private record Account(UUID marketId, String marketCode, String provinceCode, AccountCells.Route route) {
        static final Account PLATFORM = new Account(null, null, null, AccountCells.Route.OWN);
    }

    /**
     * Handles one request to {@code /webhooks/{provider}[/{market}]}; {@code header} reads a request header
     * (null when absent). Returns null when there is no such webhook.
     */
    Answer handle(String provider, String market, byte[] body, UnaryOperator<String> header, String remoteAddr) {
        Provider named = provider(provider);
        if (named == null || (named == Provider.DIRECT && market != null)) {
            return null;
        }
        if (named == Provider.DIRECT) {
            return direct(body, header, remoteAddr);
        }
        Account account;
        try {
            account = account(market);
        } catch (AccountCells.CellUnavailable e) {
            return new Answer(503, "unavailable", "Chưa lưu được, hãy gửi lại (not stored, retry)");
        }
        if (account == null) {
            return answer(named, new Verdict.Rejected(Verdict.Reason.BAD_SIGNATURE,
                    "no provider account is configured for this market"), body, remoteAddr, Account.PLATFORM);
        }
        return switch (named) {
            case PAYOS -> payOs(account, body, remoteAddr);
            case SEPAY -> sePay(account, body, header, remoteAddr);
            default -> casso(account, body, header, remoteAddr);
        };
    }

    /**
     * A body too large to read is refused without verification, whatever happens to its audit row (its start, kept
     * when the database can): sending it again would not make it smaller.
     */
    Answer tooLarge(String provider, byte[] start, String remoteAddr, int maxBytes) {
        Provider named = provider(provider);
        String detail = "the body is larger than " + maxBytes / 1024 + " KB";
        answer(named == null ? Provider.DIRECT : named, new Verdict.Rejected(Verdict.Reason.MALFORMED, detail), start,
                remoteAddr, Account.PLATFORM);
        return new Answer(413, "too-large", detail);
    }

    /** The provider a path names, or null. */
    private static Provider provider(String pathSegment) {
        return switch (pathSegment) {
            case "payos" -> Provider.PAYOS;
            case "sepay" -> Provider.SEPAY;
            case "casso" -> Provider.CASSO;
            case "direct" -> Provider.DIRECT;
            default -> null;
        };
    }

    private Answer payOs(Account account, byte[] body, String remoteAddr) {
        String key = secret(account, Name.PAYOS_CHECKSUM_KEY);
        if (key.isBlank()) {
            return notConfigured("payOS");
        }
        return answer(Provider.PAYOS, Webhooks.payOs(body, key), body, remoteAddr, account);
    }

    /**
     * With an HMAC secret configured the signature is required: falling back to the API key, which signs no time,
     * would let anyone who once saw the key skip the timestamp check.
     */
    private Answer sePay(Account account, byte[] body, UnaryOperator<String> header, String remoteAddr) {
        String hmac = secret(account, Name.SEPAY_HMAC_SECRET);
        String apiKey = secret(account, Name.SEPAY_API_KEY);
        Verdict verdict;
        if (!hmac.isBlank()) {
            verdict = Webhooks.sePayHmac(body, header.apply("X-SePay-Signature"), header.apply("X-SePay-Timestamp"),
                    hmac, clock.instant());
        } else if (!apiKey.isBlank()) {
            verdict = Webhooks.sePayApiKey(body, header.apply("Authorization"), apiKey);
        } else {
            return notConfigured("SePay");
        }
        return answer(Provider.SEPAY, verdict, body, remoteAddr, account);
    }

    private Answer casso(Account account, byte[] body, UnaryOperator<String> header, String remoteAddr) {
        String key = secret(account, Name.CASSO_CHECKSUM_KEY);
        String legacy = secret(account, Name.CASSO_SECURE_TOKEN);
        String signature = header.apply("X-Casso-Signature");
        if (signature != null && !key.isBlank()) {
            return answer(Provider.CASSO_V2, Webhooks.cassoV2(body, signature, key, clock.instant()), body, remoteAddr,
                    account);
        }
        if (!legacy.isBlank()) {
            return answer(Provider.CASSO, Webhooks.cassoLegacy(body, header.apply("secure-token"), legacy), body,
                    remoteAddr, account);
        }
        return notConfigured("Casso");
    }

    private Answer direct(byte[] body, UnaryOperator<String> header, String remoteAddr) {
        String partner = header.apply("X-Cho40-Partner");
        String secret = secrets.partner(partner);
        Verdict verdict = secret.isBlank()
                ? new Verdict.Rejected(Verdict.Reason.BAD_SIGNATURE, "unknown partner in X-Cho40-Partner")
                : DirectWebhook.verify(body, partner, header.apply("X-Cho40-Timestamp"),
                        header.apply("X-Cho40-Signature"), secret, clock.instant());
        return answer(Provider.DIRECT, verdict, body, remoteAddr, Account.PLATFORM);
    }

    private Account account(String marketCode) {
        if (marketCode == null) {
            return Account.PLATFORM;
        }
        if (!secrets.hasMarket(marketCode)) {
            return null;
        }
        return markets.find(marketCode)
                .map(m -> new Account(m.id(), marketCode, m.provinceCode(), AccountCells.Route.OWN))
                .or(() -> cells.marketElsewhere(marketCode)
                        .map(m -> new Account(m.id(), marketCode, m.provinceCode(), m.route())))
                .orElse(null);
    }

    private String secret(Account account, Name name) {
        return account.marketCode() == null ? secrets.platform(name) : secrets.market(account.marketCode(), name);
    }

    private Answer answer(Provider provider, Verdict given, byte[] body, String remoteAddr, Account account) {
        Verdict verdict = withinCeiling(given);
        if (verdict instanceof Verdict.Rejected && !sources.mayStoreRefusal(remoteAddr)) {
            // Over this source's hourly allowance: counted, not stored (the answer is the same).
            unstored.increment();
            return count(provider, verdict);
        }
        try {
            // The province the credential belongs to: where an exception naming no market waits (a configured value).
            String province = account.marketId() == null ? secrets.platformProvince() : account.provinceCode();
            ingest.record(provider, verdict, body, remoteAddr, account.marketId(), province, account.route())
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return new Answer(503, "unavailable", "Chưa lưu được, hãy gửi lại (not stored, retry)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, "unavailable", "interrupted");
        }
        return count(provider, verdict);
    }

    /** Signed or not, no transfer above the ceiling is booked: it is a provider's error or a forged amount. */
    private Verdict withinCeiling(Verdict verdict) {
        if (verdict instanceof Verdict.Accepted a) {
            for (InboundPayment p : a.payments()) {
                if (p.amountVnd() > maxAmountVnd) {
                    return new Verdict.Rejected(Verdict.Reason.MALFORMED, "amount " + p.amountVnd()
                            + " is above the ceiling of " + maxAmountVnd + " đồng a transfer");
                }
            }
        }
        return verdict;
    }

    private Answer count(Provider provider, Verdict verdict) {
        String outcome = verdict instanceof Verdict.Rejected r0 ? r0.reason().name() : "ACCEPTED";
        counters.computeIfAbsent(provider.name() + "/" + outcome, k -> meters.counter("cho40.webhooks", "provider",
                provider.name(), "outcome", outcome)).increment();
        if (verdict instanceof Verdict.Rejected r) {
            return new Answer(r.reason() == Verdict.Reason.MALFORMED ? 400 : 401,
                    r.reason().name().toLowerCase(Locale.ROOT), r.detail());
        }
        return Answer.OK;
    }

    private static Answer notConfigured(String provider) {
        return new Answer(503, "not-configured", provider + " webhooks are not configured on this server (secret missing)");
    }
}
