package vn.cho40.einvoice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the signed documents of boards that use a provider, one per transaction: a document waiting to be sent is
 * claimed with SKIP LOCKED (several servers share the work, none sends one twice at once), sent under its own id as
 * the idempotency key, and marked sent with the provider's reference and number, its tax authority's answer then
 * asked for by {@link EInvoiceAcceptance}; or, when the send fails, marked in error with why (shown on the register)
 * and tried again later with growing pauses (1 minute doubling up to 6 hours). Nothing is lost: the row stays waiting
 * until the provider has it. A crash mid-send leaves the claim undone; the retry carries the same key, so the provider
 * answers the invoice it already made. Boards kept LOCAL send nothing.
 */
@Component
class EInvoiceSender {

    private static final Logger log = LoggerFactory.getLogger(EInvoiceSender.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ProviderCalls calls;

    EInvoiceSender(JdbcClient db, TransactionTemplate tx, Clock clock, ProviderCalls calls) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.calls = calls;
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

    private Optional<Boolean> sendOne(UUID marketId) {
        Instant now = clock.instant();
        Optional<ProviderCalls.Claimed> claimed = calls.claim(ProviderCalls.Job.SEND, now, marketId);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ProviderCalls.Claimed c = claimed.get();
        String problem;
        try {
            EInvoiceProvider.Sent sent = calls.provider(c).send(OutgoingDocument.fromXml(c.id(), c.xml()),
                    calls.account(c));
            // The authority's answer comes later (Viettel: 30 to 90 s): first asked for in a minute.
            db.sql("""
                    UPDATE e_document SET state = CASE WHEN state IN ('SIGNED', 'ERROR') THEN 'SENT' ELSE state END,
                           send_next_at = NULL, send_problem = NULL, provider_ref = ?, provider_number = ?, sent_at = ?,
                           send_attempts = send_attempts + 1, check_next_at = ?
                    WHERE id = ?""").params(sent.reference(), sent.number(), Timestamp.from(now),
                    Timestamp.from(now.plus(ProviderCalls.pause(0))), c.id()).update();
            return Optional.of(true);
        } catch (EInvoiceProvider.ProviderException | ProviderCalls.MissingSecret e) {
            problem = calls.problem(c, e);
        } catch (RuntimeException e) {
            log.warn("Không gửi được hóa đơn {} (could not send): {}", c.id(), e.toString());
            problem = calls.problem(c, e);
        }
        db.sql("""
                UPDATE e_document SET state = CASE WHEN state = 'SIGNED' THEN 'ERROR' ELSE state END,
                       send_attempts = send_attempts + 1, send_problem = ?, send_next_at = ?
                WHERE id = ?""").params(problem, Timestamp.from(now.plus(ProviderCalls.pause(c.attempts()))), c.id())
                .update();
        return Optional.of(false);
    }
}
