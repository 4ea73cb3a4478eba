package vn.cho40.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.cho40.shared.Ids;

/**
 * The double-entry ledger every money module posts to (payments, fees, payroll, orders). Rows are facts (the
 * database refuses updates and deletes); a correction is a reversing transaction pointing at the original; the
 * database checks that every transaction balances. Amounts are signed đồng: positive debits, negative credits.
 * Account names are {@code kind:key}, listed in {@link Accounts}.
 */
@Component
public class Ledger {

    private final JdbcClient db;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Clock clock;

    Ledger(JdbcClient db, org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One line: the account and its signed amount (positive debit, negative credit). */
    public record Line(String account, long amountVnd) {
    }

    /** Posts balanced lines; the caller's transaction commits them or nothing. */
    public UUID post(UUID marketId, UUID paymentEventId, UUID reverses, String memo, List<Line> lines) {
        return post(new Posting(marketId, paymentEventId, null, reverses, memo, lines));
    }

    /** Posts one transaction; the caller's transaction commits it or nothing. */
    public UUID post(Posting p) {
        requireBalanced(p.lines());
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO ledger_transaction (id, market_id, payment_event_id, reference, reverses, posted_at, memo)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, p.marketId(), p.paymentEventId(), p.reference(), p.reverses(),
                        Timestamp.from(clock.instant()), p.memo()).update();
        List<Line> lines = p.lines();
        UUID marketId = p.marketId();
        List<Object[]> entries = new java.util.ArrayList<>(lines.size());
        short n = 0;
        for (Line l : lines) {
            entries.add(new Object[] {id, ++n, marketId, l.account(), l.amountVnd()});
        }
        insertEntries(entries);
        return id;
    }

    /**
     * One transaction: the market whose books it is in, the payment event that moved the money (at most one
     * transaction per event; null when no payment did), a reference to what else caused it (for example
     * {@code bill:<id>}), the transaction it reverses, a memo and its lines.
     */
    public record Posting(UUID marketId, UUID paymentEventId, String reference, UUID reverses, String memo,
                          List<Line> lines) {
        public Posting {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Posts these transactions just before the caller's transaction commits, together with everything else posted
     * this way in it: a batch of payments that mixes sales and bill payments is posted with two statements, not two
     * per kind. For writers that never read back what they posted in the same transaction; outside a transaction,
     * posts at once.
     */
    public void postBeforeCommit(List<Posting> postings) {
        if (postings.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            postAll(postings);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Posting> pending = (List<Posting>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Posting> created = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    postAll(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Ledger.this);
                }
            });
            pending = created;
        }
        postings.forEach(p -> requireBalanced(p.lines())); // refused now, where the caller can tell which
        pending.addAll(postings);
    }

    /** Posts many transactions with two statements; the caller's transaction commits them or nothing. */
    public void postAll(List<Posting> postings) {
        if (postings.isEmpty()) {
            return;
        }
        java.sql.Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> transactions = new java.util.ArrayList<>(postings.size());
        List<Object[]> entries = new java.util.ArrayList<>(postings.size() * 2);
        for (Posting p : postings) {
            requireBalanced(p.lines());
            UUID id = Ids.newId(clock);
            transactions.add(new Object[] {id, p.marketId(), p.paymentEventId(), p.reference(), p.reverses(), now,
                p.memo()});
            short n = 0;
            for (Line l : p.lines()) {
                entries.add(new Object[] {id, ++n, p.marketId(), l.account(), l.amountVnd()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO ledger_transaction (id, market_id, payment_event_id, reference, reverses, posted_at, memo)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", transactions);
        insertEntries(entries);
    }

    /** All lines in one statement: the database checks each statement leaves every transaction balanced. */
    private void insertEntries(List<Object[]> entries) {
        int size = entries.size();
        UUID[] tx = new UUID[size];
        Integer[] line = new Integer[size];
        UUID[] market = new UUID[size];
        String[] account = new String[size];
        Long[] amount = new Long[size];
        for (int i = 0; i < size; i++) {
            Object[] e = entries.get(i);
            tx[i] = (UUID) e[0];
            line[i] = ((Short) e[1]).intValue();
            market[i] = (UUID) e[2];
            account[i] = (String) e[3];
            amount[i] = (Long) e[4];
        }
        jdbc.update("""
                INSERT INTO ledger_entry (transaction_id, line, market_id, account, amount_vnd)
                SELECT * FROM unnest(?::uuid[], ?::smallint[], ?::uuid[], ?::text[], ?::bigint[])""",
                tx, line, market, account, amount);
    }

    private static void requireBalanced(List<Line> lines) {
        long sum = lines.stream().mapToLong(Line::amountVnd).sum();
        if (sum != 0 || lines.size() < 2) {
            throw new IllegalArgumentException("a ledger transaction needs two or more lines summing to 0, got " + sum);
        }
    }

    /**
     * The transaction that still books a payment event (its own, or a later one naming it as {@code payment:<id>}),
     * none if every one was reversed.
     */
    public java.util.Optional<UUID> standing(UUID paymentEventId) {
        return db.sql("""
                SELECT t.id FROM ledger_transaction t
                WHERE (t.payment_event_id = ? OR t.reference = ?)
                  AND NOT EXISTS (SELECT 1 FROM ledger_transaction r WHERE r.reverses = t.id)
                ORDER BY t.posted_at DESC, t.id DESC LIMIT 1""")
                .params(paymentEventId, "payment:" + paymentEventId).query(UUID.class).optional();
    }

    /** Whether any transaction ever named this payment event as its own. */
    public boolean booked(UUID paymentEventId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM ledger_transaction WHERE payment_event_id = ?)")
                .param(paymentEventId).query(Boolean.class).single();
    }

    /** Posts the mirror image of a transaction, pointing at it; the caller's transaction commits it or nothing. */
    public UUID reverse(UUID original, String reference, String memo) {
        record Row(UUID market, String account, long amount) {
        }
        List<Row> rows = db.sql("""
                SELECT market_id, account, amount_vnd FROM ledger_entry WHERE transaction_id = ? ORDER BY line""")
                .param(original).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no ledger transaction " + original);
        }
        return post(new Posting(rows.getFirst().market(), null, reference, original, memo,
                rows.stream().map(r -> new Line(r.account(), -r.amount())).toList()));
    }

    /** A sale paid to a trader's account: the provider's clearing account owes the trader the amount. */
    public static List<Line> payment(String provider, UUID traderId, long amountVnd) {
        return List.of(new Line(Accounts.clearing(provider), amountVnd), new Line(Accounts.trader(traderId), -amountVnd));
    }

    /** How many credits one account took on one Vietnamese day, and how much (as a positive amount). */
    public record DayCredits(java.time.LocalDate day, int count, long amountVnd) {
    }

    /** The credits to one account (in any market's books) per Vietnamese day, from {@code from} to {@code to}. */
    public List<DayCredits> dailyCredits(String account, java.time.LocalDate from, java.time.LocalDate to) {
        return db.sql("""
                SELECT (t.posted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*), -sum(e.amount_vnd)
                FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
                WHERE e.account = ? AND e.amount_vnd < 0
                  AND t.posted_at >= (?::date AT TIME ZONE 'Asia/Ho_Chi_Minh')
                  AND t.posted_at < ((?::date + 1) AT TIME ZONE 'Asia/Ho_Chi_Minh')
                GROUP BY 1""")
                .params(account, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))
                .query((rs, n) -> new DayCredits(rs.getObject(1, java.time.LocalDate.class), rs.getInt(2),
                        rs.getLong(3))).list();
    }

    /** Each account's debits, credits and balance in a market's books (all time). */
    public record AccountBalance(String account, long debitVnd, long creditVnd) {
        public long balanceVnd() {
            return debitVnd - creditVnd;
        }
    }

    /** The trial balance of one market: every account with its totals; debits equal credits when the books are sound. */
    public List<AccountBalance> trialBalance(UUID marketId) {
        return db.sql("""
                SELECT account, coalesce(sum(amount_vnd) FILTER (WHERE amount_vnd > 0), 0),
                       coalesce(-sum(amount_vnd) FILTER (WHERE amount_vnd < 0), 0)
                FROM ledger_entry WHERE market_id = ? GROUP BY account ORDER BY account""")
                .param(marketId)
                .query((rs, n) -> new AccountBalance(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** One account's balance in a market's books (debits minus credits). */
    public long balance(UUID marketId, String account) {
        return db.sql("SELECT coalesce(sum(amount_vnd), 0) FROM ledger_entry WHERE market_id = ? AND account = ?")
                .params(marketId, account).query(Long.class).single();
    }

    /** One account's balance across every market's books (debits minus credits). */
    public long balance(String account) {
        return db.sql("SELECT coalesce(sum(amount_vnd), 0) FROM ledger_entry WHERE account = ?")
                .param(account).query(Long.class).single();
    }

    /**
     * The accounts of a market's books whose names start with {@code prefix} and whose balance is below zero (owed to
     * their holder: a trader's credit), each with what it holds as a positive amount.
     */
    public java.util.Map<String, Long> creditBalances(UUID marketId, String prefix) {
        java.util.Map<String, Long> held = new java.util.LinkedHashMap<>();
        db.sql("""
                SELECT account, -sum(amount_vnd) FROM ledger_entry WHERE market_id = ? AND account LIKE ? ESCAPE '\\'
                GROUP BY account HAVING sum(amount_vnd) < 0 ORDER BY account""")
                .params(marketId, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query((rs, n) -> held.put(rs.getString(1), rs.getLong(2))).list();
        return held;
    }
}
