package vn.cho40.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.shared.Ids;

/**
 * The double-entry ledger: a matched credit moves the amount from the provider's clearing account to the
 * trader's. Rows are facts (the database refuses updates and deletes); a correction is a reversing
 * transaction pointing at the original; the database checks at commit that every transaction balances.
 */
@Component
class Ledger {

    private final JdbcClient db;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Clock clock;

    Ledger(JdbcClient db, org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Line(String account, long amountVnd) {
    }

    /** Posts balanced lines; the caller's transaction commits them or nothing. */
    UUID post(UUID marketId, UUID paymentEventId, UUID reverses, String memo, List<Line> lines) {
        requireBalanced(lines);
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO ledger_transaction (id, market_id, payment_event_id, reverses, posted_at, memo)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, marketId, paymentEventId, reverses, Timestamp.from(clock.instant()), memo).update();
        List<Object[]> entries = new java.util.ArrayList<>(lines.size());
        short n = 0;
        for (Line l : lines) {
            entries.add(new Object[] {id, ++n, marketId, l.account(), l.amountVnd()});
        }
        insertEntries(entries);
        return id;
    }

    /** One transaction to post in a batch. */
    record Posting(UUID marketId, UUID paymentEventId, UUID reverses, String memo, List<Line> lines) {
    }

    /** Posts many transactions with two statements; the caller's transaction commits them or nothing. */
    void postAll(List<Posting> postings) {
        if (postings.isEmpty()) {
            return;
        }
        java.sql.Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> transactions = new java.util.ArrayList<>(postings.size());
        List<Object[]> entries = new java.util.ArrayList<>(postings.size() * 2);
        for (Posting p : postings) {
            requireBalanced(p.lines());
            UUID id = Ids.newId(clock);
            transactions.add(new Object[] {id, p.marketId(), p.paymentEventId(), p.reverses(), now, p.memo()});
            short n = 0;
            for (Line l : p.lines()) {
                entries.add(new Object[] {id, ++n, p.marketId(), l.account(), l.amountVnd()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO ledger_transaction (id, market_id, payment_event_id, reverses, posted_at, memo)
                VALUES (?, ?, ?, ?, ?, ?)""", transactions);
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

    static List<Line> payment(String provider, UUID traderId, long amountVnd) {
        return List.of(new Line("clearing:" + provider, amountVnd), new Line("trader:" + traderId, -amountVnd));
    }
}
