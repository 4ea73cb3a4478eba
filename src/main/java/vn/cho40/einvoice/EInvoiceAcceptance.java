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
 * Asks the provider, for each document it has, what the tax authority answered, until it answers: its code (MCCQT)
 * is stored and the document ACCEPTED, or the authority's refusal is stored as the document's problem and the
 * document is in ERROR (both shown on the register); until then it is asked again with the sender's growing pauses
 * (1 minute doubling up to 6 hours). One document per transaction, claimed with SKIP LOCKED, so several servers
 * never ask about the same document at once. A document corrected since (replaced, adjusted, cancelled) keeps that
 * state; its code is stored all the same. LOCAL documents are never sent, so never asked about.
 */
@Component
class EInvoiceAcceptance {

    private static final Logger log = LoggerFactory.getLogger(EInvoiceAcceptance.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ProviderCalls calls;

    EInvoiceAcceptance(JdbcClient db, TransactionTemplate tx, Clock clock, ProviderCalls calls) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.calls = calls;
    }

    @Scheduled(fixedDelayString = "${cho40.einvoice.check-every-ms:15000}", initialDelay = 11000)
    void scheduled() {
        try {
            checkPending(null, 100);
        } catch (RuntimeException e) {
            log.warn("Hỏi kết quả của cơ quan thuế lỗi, sẽ thử lại (asking for tax authority answers failed): {}",
                    e.toString());
        }
    }

    /** Asks about up to {@code max} due documents (of one market, or of all when null); returns how many got an answer. */
    int checkPending(UUID marketId, int max) {
        int answered = 0;
        for (int i = 0; i < max; i++) {
            Optional<Boolean> one = tx.execute(s -> checkOne(marketId));
            if (one == null || one.isEmpty()) {
                break;
            }
            answered += one.get() ? 1 : 0;
        }
        return answered;
    }

    private Optional<Boolean> checkOne(UUID marketId) {
        Instant now = clock.instant();
        Optional<ProviderCalls.Claimed> claimed = calls.claim(ProviderCalls.Job.CHECK, now, marketId);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ProviderCalls.Claimed c = claimed.get();
        EInvoiceProvider.Verdict verdict;
        try {
            verdict = calls.provider(c).verdict(c.id(), calls.account(c));
        } catch (EInvoiceProvider.ProviderException | RuntimeException e) {
            // The document is with the provider all the same: asked about again later, nothing shown as wrong.
            log.info("Chưa hỏi được kết quả hóa đơn {} (could not ask): {}", c.id(), calls.problem(c, e));
            verdict = EInvoiceProvider.Verdict.PENDING;
        }
        if (verdict.authorityCode() != null) {
            db.sql("""
                    UPDATE e_document SET state = CASE WHEN state IN ('SENT', 'ERROR') THEN 'ACCEPTED' ELSE state END,
                           authority_code = ?, accepted_at = ?, check_next_at = NULL, send_problem = NULL,
                           check_attempts = check_attempts + 1
                    WHERE id = ?""").params(verdict.authorityCode(), Timestamp.from(now), c.id()).update();
            return Optional.of(true);
        }
        if (verdict.refusal() != null) {
            db.sql("""
                    UPDATE e_document SET state = CASE WHEN state = 'SENT' THEN 'ERROR' ELSE state END,
                           send_problem = ?, check_next_at = NULL, check_attempts = check_attempts + 1
                    WHERE id = ?""").params(cut(calls.say("einvoice.accept.refused", verdict.refusal())), c.id())
                    .update();
            return Optional.of(true);
        }
        db.sql("UPDATE e_document SET check_attempts = check_attempts + 1, check_next_at = ? WHERE id = ?")
                .params(Timestamp.from(now.plus(ProviderCalls.pause(c.attempts()))), c.id()).update();
        return Optional.of(false);
    }

    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
