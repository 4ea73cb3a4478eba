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
 *
 * <p>Webhooks are matched while the ingest stores them ({@link #store}): each payment row is written once, already
 * matched, in the transaction that makes it durable. Rows stored as RECEIVED (statement lines, a batch whose
 * matching failed, the other cells' webhooks) are matched by the sweep, which changes them in place.
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
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private volatile boolean running;
    private final List<Thread> loops = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The sweeping loops: each matches the rows still RECEIVED (statement lines, events stored before a restart, a
     * batch whose matching failed, payments another cell's server stored here), when woken and at least every
     * second. Their claims skip each other's rows, so more than one is possible.
     */
    @org.springframework.context.event.EventListener(ApplicationReadyEvent.class)
    void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 1; i <= threads; i++) {
            loops.add(Thread.ofPlatform().name("payment-matcher-" + i).daemon(true).start(this::loop));
        }
    }

    /** False when matching is switched off ({@code cho40.matcher.threads=0}: commands, benchmarks of ingest alone). */
    boolean enabled() {
        return threads > 0;
    }

    /** Asks the sweep to look now: rows were stored to be matched later. */
    void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                if (wake.tryAcquire(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    wake.drainPermits();
                }
                drain();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away (restart, network): the rows wait in the table; try again.
                log.warn("matching paused: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    /** Lets the batch in hand finish before the database goes away. */
    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        running = false;
        wake.release(loops.size());
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

    /**
     * Matches a batch the ingest is storing, inside its transaction: {@code storer} writes each row with what was
     * decided for it and returns the ids it stored (not a duplicate of one stored before); only those are posted
     * and announced.
     */
    void store(List<Pending> pending, java.util.function.Function<Map<UUID, Decided>, Set<UUID>> storer) {
        apply(pending, storer);
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
                apply(pending, this::updateReceived);
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
     * What matching decided for one payment: the columns its row gets. A row the sweep found changes to them; a row
     * the ingest is storing is written with them.
     */
    record Decided(String status, UUID marketId, UUID stallId, UUID traderId, String code, String reason,
                   Timestamp matchedAt) {
    }

    /**
     * Matches a batch inside the caller's transaction. {@code claim} records what was decided and returns the ids it
     * recorded: the rows still RECEIVED (the sweep) or not stored before (the ingest), so a payment found by two paths,
     * or delivered twice, is matched, posted and announced once.
     */
    private void apply(List<Pending> pending, java.util.function.Function<Map<UUID, Decided>, Set<UUID>> claim) {
        load.matched(pending.size());
        Timestamp now = Timestamp.from(clock.instant());
        List<Outcome> exceptions = new ArrayList<>();
        List<Outcome> matched = new ArrayList<>();
        List<Outcome> settled = new ArrayList<>();
        Map<UUID, Decided> decided = new java.util.LinkedHashMap<>();
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
                decided.put(p.id(), new Decided("DEBIT", p.marketId(), null, null, null, null, now));
                continue;
            }
            Outcome o = new Outcome(p, MatchRules.decide(
                    new MatchRules.Credit(p.accountHash(), p.bin(), p.marketId(), p.amountVnd()),
                    registered.getOrDefault(ByteBuffer.wrap(p.accountHash()), List.of()), found.get(p.id()),
                    targets.byCode()));
            if (!o.decision().matched()) {
                exceptions.add(o);
                decided.put(p.id(), new Decided("EXCEPTION", p.marketId() != null ? p.marketId()
                        : o.decision().queueMarket(), null, null, o.code(), o.decision().reason().name(), null));
                continue;
            }
            (o.settles() ? settled : matched).add(o);
            decided.put(p.id(), new Decided(o.settles() ? "SETTLED" : "MATCHED", o.owner().marketId(),
                    o.owner().stallId(), o.owner().traderId(), o.code(), null, now));
        }
        Set<UUID> claimed = claim.apply(decided);
        warn(exceptions, claimed, now);
        settle(settled.stream().filter(o -> claimed.contains(o.payment().id())).toList(), targets);
        List<Ledger.Posting> postings = new ArrayList<>(matched.size());
        List<PaymentMatched> announced = new ArrayList<>(matched.size());
        for (Outcome o : matched) {
            Pending p = o.payment();
            if (!claimed.contains(p.id())) {
                continue; // a duplicate, or matched already by the other path
            }
            postings.add(new Ledger.Posting(o.owner().marketId(), p.id(), null, null, "payment " + p.provider(),
                    Ledger.payment(p.provider(), o.owner().traderId(), p.amountVnd())));
            announced.add(new PaymentMatched(p.id(), o.owner().marketId(), o.owner().stallId(), o.owner().traderId(),
                    p.amountVnd(), p.bookedAt().toInstant(), o.code()));
        }
        ledger.postBeforeCommit(postings);
        warn(matched, claimed, now);
        announced.forEach(events::publishEvent);
    }

    /** The sweep's claim: the rows still RECEIVED change to what was decided, in one statement. */
    private Set<UUID> updateReceived(Map<UUID, Decided> decided) {
        List<Decided> d = List.copyOf(decided.values());
        return new HashSet<>(jdbc.queryForList("""
                UPDATE payment_event e SET status = x.status, market_id = x.market_id, stall_id = x.stall_id,
                    trader_id = x.trader_id, payment_code = x.code, exception_reason = x.reason, matched_at = x.matched_at
                FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[])
                    AS x(id, status, market_id, stall_id, trader_id, code, reason, matched_at)
                WHERE e.id = x.id AND e.status = 'RECEIVED' RETURNING e.id""", UUID.class,
                decided.keySet().toArray(UUID[]::new), column(d, Decided::status, String[]::new),
                column(d, Decided::marketId, UUID[]::new), column(d, Decided::stallId, UUID[]::new),
                column(d, Decided::traderId, UUID[]::new), column(d, Decided::code, String[]::new),
                column(d, Decided::reason, String[]::new), column(d, Decided::matchedAt, Timestamp[]::new)));
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
     * Hands each credit that pays bills (or orders) to the issuer of its codes, which posts the ledger and records what
     * was settled. Nothing is announced: the trader's phone speaks only for money in.
     */
    private void settle(List<Outcome> settled, Targets targets) {
        // Each issuer settles its part of the batch at once.
        Map<PaymentCodes, List<PaymentCodes.Settlement>> byIssuer = new java.util.LinkedHashMap<>();
        for (Outcome o : settled) {
            Pending p = o.payment();
            byIssuer.computeIfAbsent(targets.issuer().get(o.code()), k -> new ArrayList<>())
                    .add(new PaymentCodes.Settlement(p.id(), o.owner().marketId(), p.provider(), p.amountVnd(),
                            p.bookedAt().toInstant(), o.decision().settles()));
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

    static <R, T> T[] column(List<R> rows, java.util.function.Function<R, T> value,
                                  java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(rows.get(i));
        }
        return out;
    }
}
