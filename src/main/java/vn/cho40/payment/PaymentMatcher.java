package vn.cho40.payment;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.ledger.Ledger;
import vn.cho40.shared.PaymentCode;
import vn.cho40.trader.StallAccounts;

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
    private final List<PaymentCodes> codes;
    private final List<CollectionAccounts> collectionAccounts;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final vn.cho40.privacy.FieldCipher cipher;
    private final MatchingLoad load;

    PaymentMatcher(JdbcClient db, JdbcTemplate jdbc, TransactionTemplate tx, StallAccounts accounts,
                   List<PaymentCodes> codes, List<CollectionAccounts> collectionAccounts, Ledger ledger,
                   ApplicationEventPublisher events, Clock clock,
                   vn.cho40.privacy.FieldCipher cipher, MatchingLoad load,
                   @org.springframework.beans.factory.annotation.Value("${cho40.matcher.threads:1}") int threads) {
        this.load = load;
        this.threads = threads;
        this.cipher = cipher;
        this.db = db;
        this.jdbc = jdbc;
        this.tx = tx;
        this.accounts = accounts;
        this.codes = codes;
        this.collectionAccounts = collectionAccounts;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** A stored credit or debit waiting to be matched, as the ingest holds it or as read back from the table. */
    record Pending(UUID id, String provider, String direction, long amountVnd, byte[] accountHash, String bin,
                   Timestamp bookedAt, String transferText, String ourReference, UUID marketId) {
    }

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
        tx.executeWithoutResult(status -> {
            List<Pending> free = claim(handedOver);
            if (!free.isEmpty()) {
                apply(free);
            }
        });
    }

    /**
     * The handed-over events still waiting that no other transaction holds, locked for this one. Under a backlog
     * the scan takes the oldest waiting events, the very ones queued here next: waiting for its commit only to find
     * them matched stalled this thread (64 ms a batch), so they are skipped and the scan matches them.
     */
    private List<Pending> claim(List<Pending> handedOver) {
        Set<UUID> free = new HashSet<>(jdbc.queryForList("""
                SELECT id FROM payment_event WHERE id = ANY(?::uuid[]) AND status = 'RECEIVED'
                FOR UPDATE SKIP LOCKED""", UUID.class, (Object) handedOver.stream().map(Pending::id).toArray(UUID[]::new)));
        return free.size() == handedOver.size() ? handedOver
                : handedOver.stream().filter(p -> free.contains(p.id())).toList();
    }

    /** Matches up to one batch of received events read from the table; returns how many were read. */
    public int matchPending() {
        Integer handled = tx.execute(status -> {
            // An ordered index scan sets kill hints on the queue's matched (dead) entries; a bitmap scan would
            // read them all again on every batch and slow down as the day goes on.
            jdbc.execute("SET LOCAL enable_bitmapscan = off");
            List<Pending> pending = db.sql("""
                    SELECT id, provider, direction, amount_vnd, receiving_account_hash, receiving_bin, booked_at,
                           transfer_text_enc, our_reference, market_id
                    FROM payment_event WHERE status = 'RECEIVED' ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(BATCH)
                    .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getBytes(5), rs.getString(6), rs.getTimestamp(7), text(rs.getBytes(8)),
                            rs.getString(9), rs.getObject(10, UUID.class)))
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

    /** One credit and what the rules decided for it. */
    private record Outcome(Pending payment, MatchRules.Decision decision) {
        boolean settles() {
            return decision.settlement();
        }

        StallAccounts.Owner owner() {
            return decision.payee();
        }

        String code() {
            return decision.code();
        }
    }

    /**
     * Matches a batch inside the caller's transaction. Each status change claims its rows (only those still
     * RECEIVED change), so an event handed over and also found by a scan is matched, posted and announced once.
     */
    private void apply(List<Pending> pending) {
        load.matched(pending.size());
        Timestamp now = Timestamp.from(clock.instant());
        List<UUID> debits = new ArrayList<>();
        List<Outcome> exceptions = new ArrayList<>();
        List<Outcome> matched = new ArrayList<>();
        List<Outcome> settled = new ArrayList<>();
        Map<ByteBuffer, List<StallAccounts.Owner>> registered = registered(pending);
        Map<UUID, PaymentCode.Found> found = new java.util.HashMap<>();
        for (Pending p : pending) {
            if (p.direction().equals("CREDIT")) {
                found.put(p.id(), PaymentCode.isValid(p.ourReference())
                        ? new PaymentCode.Found.One(p.ourReference()) : PaymentCode.findIn(p.transferText()));
            }
        }
        Targets targets = targets(found.values());
        for (Pending p : pending) {
            if (p.direction().equals("DEBIT")) {
                debits.add(p.id());
                continue;
            }
            Outcome o = new Outcome(p, MatchRules.decide(
                    new MatchRules.Credit(p.accountHash(), p.bin(), p.marketId(), p.amountVnd()),
                    registered.getOrDefault(ByteBuffer.wrap(p.accountHash()), List.of()), found.get(p.id()),
                    targets.byCode()));
            (!o.decision().matched() ? exceptions : o.settles() ? settled : matched).add(o);
        }
        if (!debits.isEmpty()) {
            jdbc.update("""
                    UPDATE payment_event SET status = 'DEBIT', matched_at = ?
                    WHERE id = ANY(?::uuid[]) AND status = 'RECEIVED'""", now, debits.toArray(UUID[]::new));
        }
        if (!exceptions.isEmpty()) {
            Set<UUID> queued = new HashSet<>(jdbc.queryForList("""
                    UPDATE payment_event e SET status = 'EXCEPTION', exception_reason = x.reason,
                        payment_code = x.code, market_id = coalesce(e.market_id, x.market_id)
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[]) AS x(id, reason, code, market_id)
                    WHERE e.id = x.id AND e.status = 'RECEIVED' RETURNING e.id""", UUID.class,
                    column(exceptions, o -> o.payment().id(), UUID[]::new),
                    column(exceptions, o -> o.decision().reason().name(), String[]::new),
                    column(exceptions, Outcome::code, String[]::new),
                    column(exceptions, o -> o.decision().queueMarket(), UUID[]::new)));
            warn(exceptions, queued, now);
        }
        if (!settled.isEmpty()) {
            settle(settled, targets, now);
        }
        if (matched.isEmpty()) {
            return;
        }
        Set<UUID> claimed = new HashSet<>(jdbc.queryForList("""
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
            postings.add(new Ledger.Posting(o.owner().marketId(), p.id(), null, null, "payment " + p.provider(),
                    Ledger.payment(p.provider(), o.owner().traderId(), p.amountVnd())));
            announced.add(new PaymentMatched(p.id(), o.owner().marketId(), o.owner().stallId(), o.owner().traderId(),
                    p.amountVnd(), p.bookedAt().toInstant(), o.code()));
        }
        ledger.postAll(postings);
        warn(matched, claimed, now);
        announced.forEach(events::publishEvent);
    }

    /**
     * The registered accounts with the batch's receiving numbers, each number once (a market's few hundred stalls
     * receive the thousand payments of a batch): traders' accounts, and market boards' collection accounts as
     * owners with no trader and no stall.
     */
    private Map<ByteBuffer, List<StallAccounts.Owner>> registered(List<Pending> pending) {
        List<byte[]> numbers = pending.stream().filter(p -> p.direction().equals("CREDIT"))
                .map(p -> ByteBuffer.wrap(p.accountHash())).distinct().map(ByteBuffer::array).toList();
        Map<ByteBuffer, List<StallAccounts.Owner>> registered = new java.util.HashMap<>(accounts.accountsAt(numbers));
        for (CollectionAccounts c : collectionAccounts) {
            c.at(numbers).forEach((hash, boards) -> {
                List<StallAccounts.Owner> owners = new ArrayList<>(registered.getOrDefault(hash, List.of()));
                boards.forEach(b -> owners.add(new StallAccounts.Owner(null, null, b.marketId(), null, b.bin())));
                registered.put(hash, owners);
            });
        }
        return registered;
    }

    /** The targets of the codes found, and which issuer answered for each. */
    private record Targets(Map<String, PaymentCodes.Target> byCode, Map<String, PaymentCodes> issuer) {
    }

    private Targets targets(java.util.Collection<PaymentCode.Found> found) {
        Set<String> wanted = new HashSet<>();
        for (PaymentCode.Found f : found) {
            switch (f) {
                case PaymentCode.Found.One(String code) -> wanted.add(code);
                case PaymentCode.Found.Ambiguous(Set<String> several) -> wanted.addAll(several);
                case PaymentCode.Found.None() -> { }
            }
        }
        Map<String, PaymentCodes.Target> byCode = new java.util.HashMap<>();
        Map<String, PaymentCodes> issuer = new java.util.HashMap<>();
        for (PaymentCodes c : codes) {
            if (wanted.isEmpty()) {
                break;
            }
            c.findAll(wanted).forEach((code, target) -> {
                byCode.put(code, target);
                issuer.put(code, c);
            });
            wanted.removeAll(byCode.keySet());
        }
        return new Targets(byCode, issuer);
    }

    /**
     * Claims the credits that pay bills (or orders) and hands each to the issuer of its codes, which posts the
     * ledger and records what was settled. Nothing is announced: the trader's phone speaks only for money in.
     */
    private void settle(List<Outcome> settled, Targets targets, Timestamp now) {
        Set<UUID> claimed = new HashSet<>(jdbc.queryForList("""
                UPDATE payment_event e SET status = 'SETTLED', market_id = m.market_id, stall_id = m.stall_id,
                    trader_id = m.trader_id, matched_at = ?, payment_code = m.code
                FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[])
                    AS m(id, market_id, stall_id, trader_id, code)
                WHERE e.id = m.id AND e.status = 'RECEIVED' RETURNING e.id""", UUID.class, now,
                column(settled, o -> o.payment().id(), UUID[]::new),
                column(settled, o -> o.owner().marketId(), UUID[]::new),
                column(settled, o -> o.owner().stallId(), UUID[]::new),
                column(settled, o -> o.owner().traderId(), UUID[]::new),
                column(settled, Outcome::code, String[]::new)));
        // Each issuer settles its part of the batch at once.
        java.util.Map<PaymentCodes, List<PaymentCodes.Settlement>> byIssuer = new java.util.LinkedHashMap<>();
        for (Outcome o : settled) {
            if (claimed.contains(o.payment().id())) {
                Pending p = o.payment();
                byIssuer.computeIfAbsent(targets.issuer().get(o.code()), k -> new ArrayList<>())
                        .add(new PaymentCodes.Settlement(p.id(), o.owner().marketId(), p.provider(), p.amountVnd(),
                                p.bookedAt().toInstant(), o.decision().settles()));
            }
        }
        byIssuer.forEach(PaymentCodes::settleAll);
    }

    /** Boards' warnings for the outcomes this batch actually changed (a claim another path made warns there). */
    private void warn(List<Outcome> outcomes, Set<UUID> changed, Timestamp now) {
        List<Object[]> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!changed.contains(o.payment().id())) {
                continue;
            }
            for (MatchRules.Warning w : o.decision().warnings()) {
                rows.add(new Object[] {vn.cho40.shared.Ids.newId(clock), w.marketId(), w.stallId(), o.payment().id(),
                        w.kind().name(), w.code(), w.expectedVnd(), o.payment().amountVnd(), now});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO payment_warning (id, market_id, stall_id, payment_event_id, kind, payment_code,
                        expected_vnd, paid_vnd, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", rows);
        }
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
