package vn.cho40.rollout;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.cho40.payment.PaymentMatched;
import vn.cho40.payment.PaymentReversed;
import vn.cho40.shared.VnFormats;

/**
 * Adds each matched payment to its trader's month in kpi_trader_month, inside the transaction that matched it: the
 * matcher claims a payment once (status RECEIVED → MATCHED), so the tally counts it once; a rollback (a crash)
 * takes both back. The payments of one transaction are collected and written in one statement just before it
 * commits, so the matcher's batches of a thousand cost one upsert, not a thousand.
 */
@Component
class PaymentTally {

    private final JdbcClient db;

    PaymentTally(JdbcClient db) {
        this.db = db;
    }

    /** Synchronous on purpose: it must run in the matcher's transaction, never after it. */
    @EventListener
    void on(PaymentMatched e) {
        if (e.traderId() == null) {
            return; // not a sale: nothing of a trader's takings
        }
        add(e);
    }

    /** A payment taken back from a trader: subtracted in the transaction that undoes it. */
    @EventListener
    void on(PaymentReversed e) {
        add(new PaymentMatched(e.paymentId(), e.marketId(), e.stallId(), e.traderId(), -e.amountVnd(), e.bookedAt(), null));
    }

    private void add(PaymentMatched e) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(e));
            return;
        }
        @SuppressWarnings("unchecked")
        List<PaymentMatched> pending = (List<PaymentMatched>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<PaymentMatched> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PaymentTally.this);
                }
            });
            pending = created;
        }
        pending.add(e);
    }

    private record Key(UUID marketId, UUID traderId, LocalDate month) {
    }

    /** Writes the transaction's payments (and reversals, as negative amounts) in one statement. */
    void write(List<PaymentMatched> payments) {
        if (payments.isEmpty()) {
            return;
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (PaymentMatched p : payments) {
            LocalDate month = p.bookedAt().atZone(VnFormats.VIETNAM).toLocalDate().withDayOfMonth(1);
            long[] s = sums.computeIfAbsent(new Key(p.marketId(), p.traderId(), month), k -> new long[2]);
            s[0] += Long.signum(p.amountVnd()); // a reversal carries a negative amount
            s[1] += p.amountVnd();
        }
        Map<Key, long[]> added = new LinkedHashMap<>();
        Map<Key, long[]> taken = new LinkedHashMap<>();
        sums.forEach((k, v) -> (v[0] < 0 || v[1] < 0 ? taken : added).put(k, v));
        if (!added.isEmpty()) {
            // Sorted by key so that two matchers adding to the same rows lock them in the same order (no deadlock).
            db.sql("""
                    INSERT INTO kpi_trader_month (market_id, province_code, trader_id, month, payments_count, payments_value)
                    SELECT x.market_id, m.province_code, x.trader_id, x.month, x.n, x.v
                    FROM unnest(?::uuid[], ?::uuid[], ?::date[], ?::bigint[], ?::bigint[]) AS x(market_id, trader_id, month, n, v)
                    JOIN market m ON m.id = x.market_id
                    ORDER BY x.market_id, x.month, x.trader_id
                    ON CONFLICT (market_id, month, trader_id) DO UPDATE
                    SET payments_count = kpi_trader_month.payments_count + excluded.payments_count,
                        payments_value = kpi_trader_month.payments_value + excluded.payments_value""")
                    .params(columns(added)).update();
        }
        if (!taken.isEmpty()) {
            // A reversal takes from the row its payment was added to (PostgreSQL checks a candidate row's CHECK
            // before ON CONFLICT, so a negative one cannot go through the upsert); a missing row is a bug: fail.
            int updated = db.sql("""
                    UPDATE kpi_trader_month k SET payments_count = k.payments_count + x.n,
                        payments_value = k.payments_value + x.v
                    FROM unnest(?::uuid[], ?::uuid[], ?::date[], ?::bigint[], ?::bigint[]) AS x(market_id, trader_id, month, n, v)
                    WHERE k.market_id = x.market_id AND k.trader_id = x.trader_id AND k.month = x.month""")
                    .params(columns(taken)).update();
            if (updated != taken.size()) {
                throw new IllegalStateException("a reversal found no tallied month to take from");
            }
        }
    }

    private static Object[] columns(Map<Key, long[]> sums) {
        int n = sums.size();
        UUID[] markets = new UUID[n];
        UUID[] traders = new UUID[n];
        Date[] months = new Date[n];
        Long[] counts = new Long[n];
        Long[] values = new Long[n];
        int i = 0;
        for (var entry : sums.entrySet()) {
            markets[i] = entry.getKey().marketId();
            traders[i] = entry.getKey().traderId();
            months[i] = Date.valueOf(entry.getKey().month());
            counts[i] = entry.getValue()[0];
            values[i] = entry.getValue()[1];
            i++;
        }
        return new Object[] {markets, traders, months, counts, values};
    }
}
