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
    private final int threads;

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
                   vn.cho40.privacy.FieldCipher cipher,
                   @org.springframework.beans.factory.annotation.Value("${cho40.matcher.threads:1}") int threads) {
        this.threads = threads;
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

    /** A stored credit or debit waiting to be matched, as the ingest holds it or as read back from the table. */
    record Pending(UUID id, String provider, String direction, long amountVnd, byte[] accountHash,
                   Timestamp bookedAt, String transferText, String ourReference, UUID marketId) {
    }

    /** Why a credit waits for a person. */
    enum ExceptionReason { UNKNOWN_ACCOUNT, UNKNOWN_CODE, AMBIGUOUS_CODE, REVOKED_CODE }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentMatcher.class);
    /**
     * What the ingest has just committed, handed over in memory so the matcher need not read it back (nor decrypt
     * its text): the table stays the queue of record, scanned for anything this hand-over missed.
     */
    private final java.util.concurrent.BlockingQueue<List<Pending>> handedOver =
            new java.util.concurrent.ArrayBlockingQueue<>(200);
    private volatile boolean running;
    private final List<Thread> loops = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The matching loops: each takes ingest commits as they are handed over (so a payment reaches the trader's
     * phone within milliseconds); the first also scans the table when idle and at least every second for what
     * was not handed over (statement lines, events stored before a restart, a batch whose matching failed).
     * More than one loop is possible (the claims make their overlap harmless) but was slower on 2 cores: their
     * transactions waited on each other in PostgreSQL (docs/benchmarks.md).
     */
    @org.springframework.context.event.EventListener(ApplicationReadyEvent.class)
    void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 1; i <= threads; i++) {
            boolean scans = i == 1; // one thread is enough to sweep the table
            loops.add(Thread.ofPlatform().name("payment-matcher-" + i).daemon(true).start(() -> loop(scans)));
        }
    }

    private void loop(boolean scans) {
        long lastScan = 0;
        while (running) {
            try {
                List<Pending> batch = nextHandedOver();
                if (!batch.isEmpty()) {
                    match(batch);
                }
                if (scans && (batch.isEmpty() || System.nanoTime() - lastScan > 1_000_000_000L)) {
                    drain();
                    lastScan = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away (restart, network): what was handed over waits in the table; try again.
                log.warn("matching paused: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Up to one batch of handed-over events; empty after 200 ms without any. */
    private List<Pending> nextHandedOver() throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        List<Pending> next = handedOver.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        while (next != null) {
            batch.addAll(next);
            next = batch.size() < BATCH ? handedOver.poll() : null;
        }
        return batch;
    }

    /**
     * Called after each ingest commit with what it stored. If the matcher is far behind the hand-over is
     * dropped: the events are in the table and the scan finds them.
     */
    void handOver(List<Pending> committed) {
        if (!committed.isEmpty()) {
            handedOver.offer(committed);
        }
    }

    /** Lets the batch in hand finish before the database goes away. */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : loops) {
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

    /** Matches handed-over events in one transaction: those no longer RECEIVED (or never stored) are skipped. */
    void match(List<Pending> handedOver) {
        tx.executeWithoutResult(status -> apply(handedOver));
    }

    /** Matches up to one batch of received events read from the table; returns how many were read. */
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

    /** One credit's outcome: an owner (matched), or the reason it waits for a person. */
    private record Outcome(Pending payment, StallAccounts.Owner owner, ExceptionReason reason, String code,
                           UUID marketHint) {
    }

    /**
     * Matches a batch inside the caller's transaction. Each status change claims its rows (only those still
     * RECEIVED change), so an event handed over and also found by a scan is matched, posted and announced once.
     */
    private void apply(List<Pending> pending) {
        Timestamp now = Timestamp.from(clock.instant());
        List<UUID> debits = new ArrayList<>();
        List<Outcome> exceptions = new ArrayList<>();
        List<Outcome> matched = new ArrayList<>();
        // Each account once: a market's few hundred stalls receive the thousand payments of a batch.
        Map<ByteBuffer, StallAccounts.Owner> owners = accounts.ownersOfHashes(pending.stream()
                .filter(p -> p.direction().equals("CREDIT")).map(p -> ByteBuffer.wrap(p.accountHash())).distinct()
                .map(ByteBuffer::array).toList());
        for (Pending p : pending) {
            if (p.direction().equals("DEBIT")) {
                debits.add(p.id());
                continue;
            }
            Outcome o = match(p, owners);
            (o.owner() == null ? exceptions : matched).add(o);
        }
        if (!debits.isEmpty()) {
            jdbc.update("""
                    UPDATE payment_event SET status = 'DEBIT', matched_at = ?
                    WHERE id = ANY(?::uuid[]) AND status = 'RECEIVED'""", now, debits.toArray(UUID[]::new));
        }
        if (!exceptions.isEmpty()) {
            jdbc.update("""
                    UPDATE payment_event e SET status = 'EXCEPTION', exception_reason = x.reason,
                        payment_code = x.code, market_id = coalesce(e.market_id, x.market_id)
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[]) AS x(id, reason, code, market_id)
                    WHERE e.id = x.id AND e.status = 'RECEIVED'""",
                    column(exceptions, o -> o.payment().id(), UUID[]::new),
                    column(exceptions, o -> o.reason().name(), String[]::new),
                    column(exceptions, Outcome::code, String[]::new),
                    column(exceptions, Outcome::marketHint, UUID[]::new));
        }
        if (matched.isEmpty()) {
            return;
        }
        java.util.Set<UUID> claimed = new java.util.HashSet<>(jdbc.queryForList("""
                UPDATE payment_event e SET status = 'MATCHED', market_id = m.market_id, stall_id = m.stall_id,
                    trader_id = m.trader_id, matched_at = ?, payment_code = m.code
                FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[])
                    AS m(id, market_id, stall_id, trader_id, code)
                WHERE e.id = m.id AND e.status = 'RECEIVED' RETURNING e.id""", UUID.class, now,
                column(matched, o -> o.payment().id(), UUID[]::new),
                column(matched, o -> o.owner().marketId(), UUID[]::new),
                column(matched, o -> o.owner().stallId(), UUID[]::new),
                column(matched, o -> o.owner().traderId(), UUID[]::new),
                column(matched, Outcome::code, String[]::new)));
        List<Ledger.Posting> postings = new ArrayList<>(claimed.size());
        List<PaymentMatched> announced = new ArrayList<>(claimed.size());
        for (Outcome o : matched) {
            Pending p = o.payment();
            if (!claimed.contains(p.id())) {
                continue; // a duplicate the ingest did not store, or matched already by the other path
            }
            postings.add(new Ledger.Posting(o.owner().marketId(), p.id(), null, "payment " + p.provider(),
                    Ledger.payment(p.provider(), o.owner().traderId(), p.amountVnd())));
            announced.add(new PaymentMatched(p.id(), o.owner().marketId(), o.owner().stallId(), o.owner().traderId(),
                    p.amountVnd(), p.bookedAt().toInstant()));
        }
        ledger.postAll(postings);
        announced.forEach(events::publishEvent);
    }

    /** A payment code (structured reference first, else in the transfer text) names the stall; else the account. */
    private Outcome match(Pending p, Map<ByteBuffer, StallAccounts.Owner> owners) {
        PaymentCode.Found found = PaymentCode.isValid(p.ourReference())
                ? new PaymentCode.Found.One(p.ourReference()) : PaymentCode.findIn(p.transferText());
        if (found instanceof PaymentCode.Found.Ambiguous) {
            return new Outcome(p, null, ExceptionReason.AMBIGUOUS_CODE, null, null);
        }
        if (found instanceof PaymentCode.Found.One(String code)) {
            var ref = codes.byReference(code);
            if (ref.isEmpty()) {
                return new Outcome(p, null, ExceptionReason.UNKNOWN_CODE, code, null);
            }
            if (ref.get().revoked()) {
                return new Outcome(p, null, ExceptionReason.REVOKED_CODE, code, ref.get().marketId());
            }
            StallAccounts.Owner owner = accounts.ownerOfAccount(ref.get().accountId())
                    .map(o -> new StallAccounts.Owner(o.accountId(), o.traderId(), ref.get().marketId(),
                            ref.get().stallId()))
                    .orElse(null);
            return new Outcome(p, owner, owner == null ? ExceptionReason.UNKNOWN_CODE : null, code, null);
        }
        StallAccounts.Owner owner = owners.get(ByteBuffer.wrap(p.accountHash()));
        return new Outcome(p, owner, owner == null ? ExceptionReason.UNKNOWN_ACCOUNT : null, null, null);
    }

    private static <T> T[] column(List<Outcome> rows, java.util.function.Function<Outcome, T> value,
                                  java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return out;
    }
}
