package vn.cho40.payment;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.shared.PaymentCode;
import vn.cho40.trader.StallAccounts;
import vn.cho40.vietqr.StallCodes;

/**
 * Matches stored credits to traders after the provider has had its answer, off the request thread
 * (PROVIDERS.md §3): a payment code (structured reference first, else found in the transfer text) names the
 * dynamic code and so the stall; otherwise the receiving account names the trader. Each match posts to the
 * ledger in the same transaction and publishes {@link PaymentMatched}. What cannot be matched waits in the
 * exceptions queue with its reason; money out is recorded and never announced. Works in batches so that
 * matching keeps up with ingest.
 */
@Service
public class PaymentMatcher {

    private static final int BATCH = 1000;

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StallAccounts accounts;
    private final StallCodes codes;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final vn.cho40.privacy.FieldCipher cipher;

    PaymentMatcher(JdbcClient db, JdbcTemplate jdbc, TransactionTemplate tx, StallAccounts accounts,
                   StallCodes codes, Ledger ledger, ApplicationEventPublisher events, Clock clock,
                   vn.cho40.privacy.FieldCipher cipher) {
        this.cipher = cipher;
        this.db = db;
        this.jdbc = jdbc;
        this.tx = tx;
        this.accounts = accounts;
        this.codes = codes;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    private record Pending(UUID id, String provider, String direction, long amountVnd, byte[] accountHash,
                           Timestamp bookedAt, String transferText, String ourReference, UUID marketId) {
    }

    /** Why a credit waits for a person. */
    enum ExceptionReason { UNKNOWN_ACCOUNT, UNKNOWN_CODE, AMBIGUOUS_CODE, REVOKED_CODE }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentMatcher.class);
    private final java.util.concurrent.Semaphore signal = new java.util.concurrent.Semaphore(0);
    private volatile boolean running;
    private volatile Thread loop;

    /**
     * The matching loop: woken by each ingest commit (so a payment reaches the trader's phone within
     * milliseconds, not at the next poll), and every 200 ms in any case.
     */
    @org.springframework.context.event.EventListener(ApplicationReadyEvent.class)
    void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("payment-matcher").daemon(true).start(() -> {
            while (running) {
                try {
                    signal.tryAcquire(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                    drain();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // The database is away (restart, network): answer nothing, try again shortly.
                    log.warn("matching paused: {}", e.toString());
                    sleepQuietly();
                }
            }
        });
    }

    /** Called after each ingest commit. */
    void wake() {
        signal.release();
    }

    /** Lets the batch in hand finish before the database goes away. */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        running = false;
        signal.release();
        Thread t = loop;
        if (t != null) {
            t.join(5000);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Matches until nothing waits: a full batch is followed at once by the next, never by the pause. */
    void drain() {
        while (matchPending() == BATCH) {
            // the backlog is still there
        }
    }

    /** Matches up to one batch of received events; returns how many were handled. */
    public int matchPending() {
        Integer handled = tx.execute(status -> {
            // An ordered index scan sets kill hints on the queue's matched (dead) entries; a bitmap scan would
            // read them all again on every batch and slow down as the day goes on.
            jdbc.execute("SET LOCAL enable_bitmapscan = off");
            List<Pending> pending = db.sql("""
                    SELECT id, provider, direction, amount_vnd, receiving_account_hash, booked_at, transfer_text_enc,
                           our_reference, market_id
                    FROM payment_event WHERE status = 'RECEIVED' ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(BATCH)
                    .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getBytes(5), rs.getTimestamp(6), text(rs.getBytes(7)), rs.getString(8),
                            rs.getObject(9, UUID.class)))
                    .list();
            if (!pending.isEmpty()) {
                apply(pending);
            }
            return pending.size();
        });
        return handled == null ? 0 : handled;
    }

    private String text(byte[] enc) {
        return enc == null ? null : cipher.decrypt("transfer_text", enc);
    }

    private void apply(List<Pending> pending) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> debits = new ArrayList<>();
        List<Object[]> exceptions = new ArrayList<>();
        List<Object[]> matched = new ArrayList<>();
        List<Ledger.Posting> postings = new ArrayList<>();
        List<PaymentMatched> announced = new ArrayList<>();
        Map<ByteBuffer, StallAccounts.Owner> owners = accounts.ownersOfHashes(pending.stream()
                .filter(p -> p.direction().equals("CREDIT")).map(Pending::accountHash).toList());
        for (Pending p : pending) {
            if (p.direction().equals("DEBIT")) {
                debits.add(new Object[] {now, p.id()});
                continue;
            }
            String code = null;
            StallAccounts.Owner owner = null;
            ExceptionReason reason = null;
            UUID marketHint = null;
            PaymentCode.Found found = PaymentCode.isValid(p.ourReference())
                    ? new PaymentCode.Found.One(p.ourReference()) : PaymentCode.findIn(p.transferText());
            if (found instanceof PaymentCode.Found.Ambiguous) {
                reason = ExceptionReason.AMBIGUOUS_CODE;
            } else if (found instanceof PaymentCode.Found.One(String c)) {
                code = c;
                var ref = codes.byReference(c);
                if (ref.isEmpty()) {
                    reason = ExceptionReason.UNKNOWN_CODE;
                } else if (ref.get().revoked()) {
                    marketHint = ref.get().marketId();
                    reason = ExceptionReason.REVOKED_CODE;
                } else {
                    owner = accounts.ownerOfAccount(ref.get().accountId())
                            .map(o -> new StallAccounts.Owner(o.accountId(), o.traderId(), ref.get().marketId(),
                                    ref.get().stallId()))
                            .orElse(null);
                    reason = owner == null ? ExceptionReason.UNKNOWN_CODE : null;
                }
            } else {
                owner = owners.get(ByteBuffer.wrap(p.accountHash()));
                reason = owner == null ? ExceptionReason.UNKNOWN_ACCOUNT : null;
            }
            if (owner == null) {
                exceptions.add(new Object[] {reason.name(), code, marketHint, p.id()});
                continue;
            }
            matched.add(new Object[] {owner.marketId(), owner.stallId(), owner.traderId(), now, code, p.id()});
            postings.add(new Ledger.Posting(owner.marketId(), p.id(), null, "payment " + p.provider(),
                    Ledger.payment(p.provider(), owner.traderId(), p.amountVnd())));
            announced.add(new PaymentMatched(p.id(), owner.marketId(), owner.stallId(), owner.traderId(),
                    p.amountVnd(), p.bookedAt().toInstant()));
        }
        jdbc.batchUpdate("UPDATE payment_event SET status = 'DEBIT', matched_at = ? WHERE id = ?", debits);
        jdbc.batchUpdate("UPDATE payment_event SET status = 'EXCEPTION', exception_reason = ?, payment_code = ?, "
                + "market_id = coalesce(market_id, ?) WHERE id = ?", exceptions);
        jdbc.batchUpdate("UPDATE payment_event SET status = 'MATCHED', market_id = ?, stall_id = ?, trader_id = ?, "
                + "matched_at = ?, payment_code = ? WHERE id = ?", matched);
        ledger.postAll(postings);
        announced.forEach(events::publishEvent);
    }
}
