package vn.cho40.payment;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.cell.CellDatabase;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;

/**
 * Stores every webhook request (raw bytes encrypted) and its normalized payments durably, deduplicated by
 * both keys, through group commits. The caller answers 2xx only when the returned future completes. A refused
 * request keeps only its first {@link #REFUSED_BODY_BYTES} bytes with the SHA-256 and length of the whole body:
 * enough to recognise and investigate it, too little for forged requests to fill the database.
 */
@Service
public class PaymentIngest {

    /**
     * One request ready to store: its row and its payments' rows, encrypted by the request's own thread, and the
     * payments in clear for the matcher once they are committed.
     */
    /** How much of a refused request's body is kept. */
    static final int REFUSED_BODY_BYTES = 1024;

    private record Rows(Object[] request, List<Object[]> events, List<PaymentMatcher.Pending> pending) {
    }

    private final FieldCipher cipher;
    private final Clock clock;
    private final GroupCommitWriter<Rows> writer;

    private final PaymentMatcher matcher;
    private final AccountCells cells;
    /** One group-commit writer per other cell's database: a cell that is down fails only its own batches. */
    private final Map<CellDatabase, GroupCommitWriter<Rows>> cellWriters = new LinkedHashMap<>();

    PaymentIngest(JdbcTemplate jdbc, TransactionTemplate tx, FieldCipher cipher, Clock clock, PaymentMatcher matcher,
                  AccountCells cells,
                  @org.springframework.beans.factory.annotation.Value("${cho40.ingest.writers:1}") int writers) {
        this.matcher = matcher;
        this.cipher = cipher;
        this.clock = clock;
        this.cells = cells;
        this.writer = new GroupCommitWriter<>("payment-ingest", 10_000, 500, writers,
                batch -> commit(batch, jdbc, tx, true));
        for (CellDatabase cell : cells.others()) {
            // The other cell's matchers find these rows with their sweep: they are not handed to this server's.
            cellWriters.put(cell, new GroupCommitWriter<>("payment-ingest-" + String.join("-", cell.provinces()),
                    10_000, 500, 1, batch -> commit(batch, cell.jdbc(), cell.tx(), false)));
        }
    }

    public CompletableFuture<Void> record(InboundPayment.Provider provider, Verdict verdict, byte[] body,
                                          String remoteAddr) {
        return record(provider, verdict, body, remoteAddr, null, null);
    }

    /**
     * The same for a market's own provider account: its payments belong to that market's queue. Encryption
     * and hashing happen here, on the caller's thread, so the single writer only writes. {@code provinceCode} is the
     * province of the credential that received the request (null when none is configured): an exception that names
     * no market waits in that province's queue.
     */
    public CompletableFuture<Void> record(InboundPayment.Provider provider, Verdict verdict, byte[] body,
                                          String remoteAddr, UUID marketId, String provinceCode) {
        return record(provider, verdict, body, remoteAddr, marketId, provinceCode, AccountCells.Route.OWN);
    }

    /** The same for a market of another cell ({@code marketRoute}: where that market's payments are stored). */
    CompletableFuture<Void> record(InboundPayment.Provider provider, Verdict verdict, byte[] body, String remoteAddr,
                                   UUID marketId, String provinceCode, AccountCells.Route marketRoute) {
        UUID requestId = Ids.newId(clock);
        Timestamp now = Timestamp.from(clock.instant());
        boolean refused = verdict instanceof Verdict.Rejected;
        byte[] kept = refused && body.length > REFUSED_BODY_BYTES ? Arrays.copyOf(body, REFUSED_BODY_BYTES) : body;
        Object[] request = {requestId, now, provider.name(), refused ? "REJECTED" : "ACCEPTED",
                verdict instanceof Verdict.Rejected rej ? rej.reason() + ": " + rej.detail() : null,
                remoteAddr, cipher.encrypt("raw_body", new String(kept, StandardCharsets.UTF_8)),
                refused ? sha256(body) : null, refused ? body.length : null};
        List<Object[]> events = new ArrayList<>(1);
        List<PaymentMatcher.Pending> pending = new ArrayList<>(1);
        Map<CellDatabase, List<Object[]>> elsewhere = new LinkedHashMap<>();
        if (verdict instanceof Verdict.Accepted a) {
            for (InboundPayment p : a.payments()) {
                String account = p.receivingAccount() == null ? "" : p.receivingAccount();
                UUID id = Ids.newId(clock);
                byte[] accountHash = cipher.index("account_number", account);
                AccountCells.Route route;
                try {
                    route = marketRoute.own() ? cells.route(accountHash, marketId) : marketRoute;
                } catch (AccountCells.CellUnavailable | org.springframework.dao.DataAccessException e) {
                    // Where it belongs cannot be known now: not stored, answered 503, retried by the provider.
                    return CompletableFuture.failedFuture(e);
                }
                Timestamp bookedAt = Timestamp.from(p.bookedAt());
                Object[] event = {id, requestId, p.provider().name(), p.providerTxnId(),
                        p.bankReference() == null ? "" : p.bankReference(), accountHash,
                        Mask.last4Of(account), p.receivingBin(), p.direction().name(), p.amountVnd(), bookedAt,
                        p.transferText() == null ? null : cipher.encrypt("transfer_text", p.transferText()),
                        p.ourReference(), marketId, route.own() ? provinceCode : route.provinceCode(), now};
                if (!route.own()) {
                    // Waits in the account's province's queue there if it cannot be placed, not the credential's.
                    elsewhere.computeIfAbsent(route.cell(), c -> new ArrayList<>(1)).add(event);
                    continue;
                }
                events.add(event);
                pending.add(new PaymentMatcher.Pending(id, p.provider().name(), p.direction().name(), p.amountVnd(),
                        accountHash, p.receivingBin(), bookedAt, p.transferText(), p.ourReference(), marketId));
            }
        }
        if (elsewhere.isEmpty()) {
            return writer.submit(new Rows(request, events, pending));
        }
        return submitAcrossCells(request, events, pending, elsewhere);
    }

    /**
     * The request row goes with its payments into every cell that gets some; the answer waits for every commit, so a
     * 2xx means each payment is in its own province's database.
     */
    private CompletableFuture<Void> submitAcrossCells(Object[] request, List<Object[]> events,
                                                      List<PaymentMatcher.Pending> pending,
                                                      Map<CellDatabase, List<Object[]>> elsewhere) {
        List<CompletableFuture<Void>> commits = new ArrayList<>(elsewhere.size() + 1);
        if (!events.isEmpty()) {
            commits.add(writer.submit(new Rows(request, events, pending)));
        }
        elsewhere.forEach((cell, rows) -> commits.add(cellWriters.get(cell).submit(new Rows(request, rows, List.of()))));
        return CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new));
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Stores a batch in one transaction. In this server's own cell its payments are matched in that transaction too,
     * so each row is written once, already matched (the matcher's claim is the insert: a duplicate of a stored
     * payment is not inserted and so neither posted nor announced). Should matching fail (a bug, a lock timeout), the
     * batch is stored as received instead and the matcher's sweep takes it: what was acknowledged is never lost.
     */
    private void commit(List<Rows> batch, JdbcTemplate jdbc, TransactionTemplate tx, boolean ownCell) {
        List<Object[]> requests = new ArrayList<>(batch.size());
        List<Object[]> events = new ArrayList<>(batch.size());
        List<PaymentMatcher.Pending> pending = new ArrayList<>(batch.size());
        for (Rows r : batch) {
            requests.add(r.request());
            events.addAll(r.events());
            pending.addAll(r.pending());
        }
        if (ownCell && !events.isEmpty() && matcher.enabled()) {
            try {
                tx.executeWithoutResult(status -> {
                    insertRequests(jdbc, requests);
                    matcher.store(pending, decided -> insertMatched(jdbc, events, decided));
                });
                return;
            } catch (RuntimeException e) {
                log.warn("batch of {} payments not matched while stored, stored to be matched later: {}",
                        events.size(), e.toString());
            }
        }
        tx.executeWithoutResult(status -> {
            insertRequests(jdbc, requests);
            if (!events.isEmpty()) {
                // A duplicate by either key changes nothing: the provider still gets its 2xx.
                jdbc.batchUpdate("INSERT INTO payment_event (" + EVENT_COLUMNS + ") VALUES (" + "?, ".repeat(15)
                        + "?) ON CONFLICT DO NOTHING", events);
            }
        });
        if (ownCell && !events.isEmpty()) {
            matcher.wake();
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentIngest.class);

    /** The columns of an event's row as {@link #record} builds it, in order. */
    private static final String EVENT_COLUMNS = """
            id, request_id, provider, provider_txn_id, bank_reference, receiving_account_hash, receiving_account_last4,
            receiving_bin, direction, amount_vnd, booked_at, transfer_text_enc, our_reference, market_id, province_code,
            created_at""";

    private static void insertRequests(JdbcTemplate jdbc, List<Object[]> requests) {
        jdbc.batchUpdate("""
                INSERT INTO inbound_request (id, received_at, provider, outcome, reason, remote_addr, body_enc,
                    body_sha256, body_bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", requests);
    }

    /**
     * The batch's payment rows with what matching decided, in one statement; a duplicate by either key is not
     * inserted. Returns the ids inserted.
     */
    private static Set<UUID> insertMatched(JdbcTemplate jdbc, List<Object[]> events,
                                           Map<UUID, PaymentMatcher.Decided> decided) {
        List<PaymentMatcher.Decided> d = events.stream().map(e -> decided.get((UUID) e[0])).toList();
        return new HashSet<>(jdbc.queryForList("INSERT INTO payment_event (" + EVENT_COLUMNS + """
                , status, stall_id, trader_id, payment_code, exception_reason, matched_at)
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::text[],
                    ?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::bytea[], ?::text[], ?::uuid[], ?::text[],
                    ?::timestamptz[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[])
                ON CONFLICT DO NOTHING RETURNING id""", UUID.class,
                field(events, 0, UUID[]::new), field(events, 1, UUID[]::new), field(events, 2, String[]::new),
                field(events, 3, String[]::new), field(events, 4, String[]::new), field(events, 5, byte[][]::new),
                field(events, 6, String[]::new), field(events, 7, String[]::new), field(events, 8, String[]::new),
                field(events, 9, Long[]::new), field(events, 10, Timestamp[]::new), field(events, 11, byte[][]::new),
                field(events, 12, String[]::new),
                // the market is what matching decided (the receiving account's, or the queue's for an exception)
                PaymentMatcher.column(d, PaymentMatcher.Decided::marketId, UUID[]::new),
                field(events, 14, String[]::new), field(events, 15, Timestamp[]::new),
                PaymentMatcher.column(d, PaymentMatcher.Decided::status, String[]::new),
                PaymentMatcher.column(d, PaymentMatcher.Decided::stallId, UUID[]::new),
                PaymentMatcher.column(d, PaymentMatcher.Decided::traderId, UUID[]::new),
                PaymentMatcher.column(d, PaymentMatcher.Decided::code, String[]::new),
                PaymentMatcher.column(d, PaymentMatcher.Decided::reason, String[]::new),
                PaymentMatcher.column(d, PaymentMatcher.Decided::matchedAt, Timestamp[]::new)));
    }

    /** One column of the event rows, as a typed array for unnest. */
    @SuppressWarnings("unchecked")
    private static <T> T[] field(List<Object[]> rows, int index, java.util.function.IntFunction<T[]> array) {
        return PaymentMatcher.column(rows, row -> (T) row[index], array);
    }

    @PreDestroy
    void stop() {
        writer.close();
        cellWriters.values().forEach(GroupCommitWriter::close);
    }
}
