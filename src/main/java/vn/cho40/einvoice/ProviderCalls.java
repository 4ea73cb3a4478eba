package vn.cho40.einvoice;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What sending a document and asking for the tax authority's answer share: a due document claimed with SKIP LOCKED
 * (several servers share the work, none calls the provider about one document twice at once) with its board's
 * account, the secret read from the environment at call time, the pause after a failure (1 minute doubling up to 6
 * hours), and a failure said to the board in Vietnamese.
 */
@Component
class ProviderCalls {

    /** The two jobs' columns: when a document is next due, and how many times it was tried. */
    enum Job {
        SEND("send_next_at", "send_attempts"), CHECK("check_next_at", "check_attempts");

        final String due;
        final String attempts;

        Job(String due, String attempts) {
            this.due = due;
            this.attempts = attempts;
        }
    }

    /** A claimed document, locked until its transaction ends. */
    record Claimed(UUID id, byte[] xml, String provider, int attempts, String baseUrl, String username,
                   String secretRef, String taxCode, String appId, String template) {
    }

    private final JdbcClient db;
    private final Environment env;
    private final MessageSource messages;
    private final Map<String, EInvoiceProvider> providers;

    @org.springframework.beans.factory.annotation.Autowired
    ProviderCalls(JdbcClient db, Environment env, MessageSource messages,
                  @Value("${cho40.einvoice.provider-timeout-ms:60000}") long timeoutMs) {
        this(db, env, messages, providers(new ProviderHttp(Duration.ofMillis(timeoutMs))));
    }

    ProviderCalls(JdbcClient db, Environment env, MessageSource messages, Map<String, EInvoiceProvider> providers) {
        this.db = db;
        this.env = env;
        this.messages = messages;
        this.providers = Map.copyOf(providers);
    }

    static Map<String, EInvoiceProvider> providers(ProviderHttp http) {
        EInvoiceProvider viettel = new ViettelSInvoice(http);
        EInvoiceProvider misa = new MisaMeInvoice(http);
        return Map.of(viettel.mode(), viettel, misa.mode(), misa);
    }

    /** The oldest document due for the job (of one market, or of any when null), claimed; empty when none is. */
    Optional<Claimed> claim(Job job, Instant now, UUID marketId) {
        return db.sql("""
                SELECT d.id, d.xml, d.provider, d.%2$s, s.provider_base_url, s.provider_username,
                       s.provider_secret_ref, s.seller_tax_code, s.provider_app_id, s.provider_template
                FROM e_document d JOIN einvoice_setting s ON s.market_id = d.market_id
                WHERE d.%1$s <= ? AND (CAST(? AS uuid) IS NULL OR d.market_id = ?)
                ORDER BY d.%1$s LIMIT 1 FOR UPDATE OF d SKIP LOCKED""".formatted(job.due, job.attempts))
                .params(Timestamp.from(now), marketId, marketId)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)))
                .optional();
    }

    /** The claimed document's provider, or a refusal when no adapter has its mode. */
    EInvoiceProvider provider(Claimed c) throws EInvoiceProvider.ProviderException {
        EInvoiceProvider provider = providers.get(c.provider());
        if (provider == null) {
            throw new EInvoiceProvider.ProviderException(EInvoiceProvider.Failure.REFUSED, "no adapter " + c.provider());
        }
        return provider;
    }

    /** The board's account with the secret from the environment; {@link MissingSecret} when it is not set. */
    EInvoiceProvider.Account account(Claimed c) {
        String secret = c.secretRef() == null ? null : env.getProperty(c.secretRef());
        if (secret == null || secret.isBlank()) {
            throw new MissingSecret();
        }
        return new EInvoiceProvider.Account(c.baseUrl(), c.username(), secret, c.taxCode(), c.appId(), c.template());
    }

    /** Why a call failed, for the board (at most 500 characters). */
    String problem(Claimed c, Exception e) {
        String said = switch (e) {
            case EInvoiceProvider.ProviderException p -> switch (p.failure()) {
                case AUTH -> say("einvoice.send.auth", c.secretRef());
                case REFUSED -> say("einvoice.send.refused", p.getMessage());
                case UNAVAILABLE -> say("einvoice.send.unavailable", p.getMessage());
            };
            case MissingSecret m -> say("einvoice.send.noSecret", c.secretRef());
            default -> say("einvoice.send.unavailable", e.getClass().getSimpleName());
        };
        return said.length() > 500 ? said.substring(0, 500) : said;
    }

    /** The pause after a failed try: 1 minute, doubling with each attempt, at most 6 hours. */
    static Duration pause(int attempts) {
        return Duration.ofMinutes(Math.min(360, 1L << Math.min(attempts, 9)));
    }

    String say(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.forLanguageTag("vi"));
    }

    /** The board's secret variable is not set. */
    static final class MissingSecret extends RuntimeException {
        MissingSecret() {
            super(null, null, false, false);
        }
    }
}
