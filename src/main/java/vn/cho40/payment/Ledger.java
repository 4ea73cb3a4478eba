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
    private final Clock clock;

    Ledger(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Line(String account, long amountVnd) {
    }

    /** Posts balanced lines; the caller's transaction commits them or nothing. */
    UUID post(UUID marketId, UUID paymentEventId, UUID reverses, String memo, List<Line> lines) {
        long sum = lines.stream().mapToLong(Line::amountVnd).sum();
        if (sum != 0 || lines.size() < 2) {
            throw new IllegalArgumentException("a ledger transaction needs two or more lines summing to 0, got " + sum);
        }
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO ledger_transaction (id, market_id, payment_event_id, reverses, posted_at, memo)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, marketId, paymentEventId, reverses, Timestamp.from(clock.instant()), memo).update();
        short n = 0;
        for (Line l : lines) {
            db.sql("INSERT INTO ledger_entry (transaction_id, line, market_id, account, amount_vnd) VALUES (?, ?, ?, ?, ?)")
                    .params(id, ++n, marketId, l.account(), l.amountVnd()).update();
        }
        return id;
    }

    static List<Line> payment(String provider, UUID traderId, long amountVnd) {
        return List.of(new Line("clearing:" + provider, amountVnd), new Line("trader:" + traderId, -amountVnd));
    }
}
