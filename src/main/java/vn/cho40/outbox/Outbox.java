package vn.cho40.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.cho40.shared.Ids;

/**
 * The port modules publish their facts through: written in the caller's transaction (so a rolled-back fact leaves
 * no event, and a committed one always has its event), all of a call in one statement, so the payment matcher's
 * batch costs one insert. Does nothing when publishing is off ({@link OutboxSettings}).
 */
@Service
public class Outbox {

    private final JdbcClient db;
    private final Clock clock;
    private final OutboxSettings settings;

    Outbox(JdbcClient db, Clock clock, OutboxSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Adds payments to the transaction's totals per market and day, published as {@link Fact.Payments} in one
     * statement just before the transaction commits: a matcher batch of a thousand costs one insert, not a
     * thousand. A negative amount with count -1 takes a payment back.
     */
    public void addPayments(UUID marketId, java.time.Instant at, long count, long amountVnd) {
        if (settings.enabled()) {
            totals().payments.add(marketId, at, count, amountVnd);
        }
    }

    /** Adds bill payments to the transaction's totals, published as {@link Fact.BillPayments} before it commits. */
    public void addBillPayments(UUID marketId, java.time.Instant at, long count, long amountVnd) {
        if (settings.enabled()) {
            totals().bills.add(marketId, at, count, amountVnd);
        }
    }

    /** The totals of the current transaction, flushed by its beforeCommit. */
    private static final class Totals {
        final DailyTotals payments = new DailyTotals();
        final DailyTotals bills = new DailyTotals();
    }

    private Totals totals() {
        requireTransaction();
        Totals totals = (Totals) TransactionSynchronizationManager.getResource(this);
        if (totals == null) {
            Totals created = new Totals();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<Fact> facts = new java.util.ArrayList<>(created.payments.payments());
                    facts.addAll(created.bills.billPayments());
                    publish(facts);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                }
            });
            totals = created;
        }
        return totals;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox events are written in the transaction of their fact");
        }
    }

    public void publish(Fact fact) {
        publish(List.of(fact));
    }

    /**
     * Writes the facts in the caller's transaction. Outside one it refuses: an event written apart from its fact is
     * exactly what the outbox exists to prevent. The province comes from the market's row.
     */
    public void publish(List<? extends Fact> facts) {
        if (!settings.enabled() || facts.isEmpty()) {
            return;
        }
        requireTransaction();
        int n = facts.size();
        UUID[] ids = new UUID[n];
        UUID[] markets = new UUID[n];
        String[] topics = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            ids[i] = Ids.newId(clock);
            markets[i] = f.marketId();
            topics[i] = f.topic();
            payloads[i] = FactJson.write(f);
        }
        int written = db.sql("""
                INSERT INTO outbox_event (id, market_id, province_code, topic, event_key, payload, created_at)
                SELECT x.id, x.market_id, m.province_code, x.topic, x.market_id::text, x.payload::jsonb, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) AS x(id, market_id, topic, payload)
                JOIN market m ON m.id = x.market_id""")
                .params(Timestamp.from(clock.instant()), ids, markets, topics, payloads).update();
        if (written != n) {
            throw new IllegalStateException("an outbox event names a market that does not exist");
        }
    }
}
