package vn.cho40.einvoice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the signed documents of boards that use a provider, one per transaction: a document waiting to be sent is
 * claimed with SKIP LOCKED (several servers share the work, none sends one twice at once), sent under its own id as
 * the idempotency key, and marked sent with the provider's reference and number; or, when the send fails, marked in
 * error with why (shown on the register) and tried again later with growing pauses (1 minute doubling up to 6 hours).
 * Nothing is lost: the row stays waiting until the provider has it. A crash mid-send leaves the claim undone; the
 * retry carries the same key, so the provider answers the invoice it already made. Boards kept LOCAL send nothing.
 */
@Component
class EInvoiceSender {

    private static final Logger log = LoggerFactory.getLogger(EInvoiceSender.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment env;
    private final MessageSource messages;
    private final Map<String, EInvoiceProvider> providers;

    @org.springframework.beans.factory.annotation.Autowired
    EInvoiceSender(JdbcClient db, TransactionTemplate tx, Clock clock, Environment env, MessageSource messages,
                   @Value("${cho40.einvoice.provider-timeout-ms:60000}") long timeoutMs) {
        this(db, tx, clock, env, messages, providers(new ProviderHttp(Duration.ofMillis(timeoutMs))));
    }

    EInvoiceSender(JdbcClient db, TransactionTemplate tx, Clock clock, Environment env, MessageSource messages,
                   Map<String, EInvoiceProvider> providers) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.env = env;
        this.messages = messages;
        this.providers = Map.copyOf(providers);
    }

    static Map<String, EInvoiceProvider> providers(ProviderHttp http) {
        EInvoiceProvider viettel = new ViettelSInvoice(http);
        EInvoiceProvider misa = new MisaMeInvoice(http);
        return Map.of(viettel.mode(), viettel, misa.mode(), misa);
    }

    @Scheduled(fixedDelayString = "${cho40.einvoice.send-every-ms:5000}", initialDelay = 7000)
    void scheduled() {
        try {
            sendPending(null, 100);
        } catch (RuntimeException e) {
            log.warn("Gửi hóa đơn điện tử lỗi, sẽ thử lại (sending e-invoices failed, will retry): {}", e.toString());
        }
    }

    /** Sends up to {@code max} waiting documents (of one market, or of all when null); returns how many were sent. */
    int sendPending(UUID marketId, int max) {
        int sent = 0;
        for (int i = 0; i < max; i++) {
            Optional<Boolean> one = tx.execute(s -> sendOne(marketId));
            if (one == null || one.isEmpty()) {
                break;
            }
            sent += one.get() ? 1 : 0;
        }
        return sent;
    }

    /** The board asks to send a document in error again now, not after its pause; false when it is not waiting. */
    boolean retryNow(UUID marketId, UUID documentId) {
        return db.sql("UPDATE e_document SET send_next_at = ? WHERE id = ? AND market_id = ? AND send_next_at IS NOT NULL")
                .params(Timestamp.from(clock.instant()), documentId, marketId).update() == 1;
    }

    private record Claimed(UUID id, byte[] xml, String provider, int attempts, String baseUrl, String username,
                           String secretRef, String taxCode, String appId, String template) {
    }

    private Optional<Boolean> sendOne(UUID marketId) {
        Instant now = clock.instant();
        Optional<Claimed> claimed = db.sql("""
                SELECT d.id, d.xml, d.provider, d.send_attempts, s.provider_base_url, s.provider_username,
                       s.provider_secret_ref, s.seller_tax_code, s.provider_app_id, s.provider_template
                FROM e_document d JOIN einvoice_setting s ON s.market_id = d.market_id
                WHERE d.send_next_at <= ? AND (CAST(? AS uuid) IS NULL OR d.market_id = ?)
                ORDER BY d.send_next_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED""")
                .params(Timestamp.from(now), marketId, marketId)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)))
                .optional();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Claimed c = claimed.get();
        String problem;
        try {
            EInvoiceProvider.Sent sent = send(c);
            db.sql("""
                    UPDATE e_document SET state = CASE WHEN state IN ('SIGNED', 'ERROR') THEN 'SENT' ELSE state END,
                           send_next_at = NULL, send_problem = NULL, provider_ref = ?, provider_number = ?, sent_at = ?,
                           send_attempts = send_attempts + 1
                    WHERE id = ?""").params(sent.reference(), sent.number(), Timestamp.from(now), c.id()).update();
            return Optional.of(true);
        } catch (EInvoiceProvider.ProviderException e) {
            problem = switch (e.failure()) {
                case AUTH -> say("einvoice.send.auth", c.secretRef());
                case REFUSED -> say("einvoice.send.refused", e.getMessage());
                case UNAVAILABLE -> say("einvoice.send.unavailable", e.getMessage());
            };
        } catch (MissingSecret e) {
            problem = say("einvoice.send.noSecret", c.secretRef());
        } catch (RuntimeException e) {
            log.warn("Không gửi được hóa đơn {} (could not send): {}", c.id(), e.toString());
            problem = say("einvoice.send.unavailable", e.getClass().getSimpleName());
        }
        Duration pause = Duration.ofMinutes(Math.min(360, 1L << Math.min(c.attempts(), 9)));
        db.sql("""
                UPDATE e_document SET state = CASE WHEN state = 'SIGNED' THEN 'ERROR' ELSE state END,
                       send_attempts = send_attempts + 1, send_problem = ?, send_next_at = ?
                WHERE id = ?""").params(problem.length() > 500 ? problem.substring(0, 500) : problem,
                Timestamp.from(now.plus(pause)), c.id()).update();
        return Optional.of(false);
    }

    private EInvoiceProvider.Sent send(Claimed c) throws EInvoiceProvider.ProviderException {
        EInvoiceProvider provider = providers.get(c.provider());
        if (provider == null) {
            throw new EInvoiceProvider.ProviderException(EInvoiceProvider.Failure.REFUSED, "no adapter " + c.provider());
        }
        String secret = c.secretRef() == null ? null : env.getProperty(c.secretRef());
        if (secret == null || secret.isBlank()) {
            throw new MissingSecret();
        }
        return provider.send(OutgoingDocument.fromXml(c.id(), c.xml()), new EInvoiceProvider.Account(c.baseUrl(),
                c.username(), secret, c.taxCode(), c.appId(), c.template()));
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.forLanguageTag("vi"));
    }

    private static final class MissingSecret extends RuntimeException {
        MissingSecret() {
            super(null, null, false, false);
        }
    }
}
