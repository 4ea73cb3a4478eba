package vn.cho40.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.trader.StallAccounts;

/**
 * Matches stored credits to traders after the provider has had its answer, off the request thread: the
 * receiving account names the trader (and the stall whose default account it is); each match posts to the
 * ledger in the same transaction and publishes {@link PaymentMatched}. What cannot be matched waits in the
 * exceptions queue; money out is recorded and never announced.
 */
@Service
public class PaymentMatcher {

    private static final int BATCH = 500;

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final StallAccounts accounts;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final vn.cho40.privacy.FieldCipher cipher;
    private final Clock clock;

    PaymentMatcher(JdbcClient db, TransactionTemplate tx, StallAccounts accounts, Ledger ledger,
                   ApplicationEventPublisher events, vn.cho40.privacy.FieldCipher cipher, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.accounts = accounts;
        this.ledger = ledger;
        this.events = events;
        this.cipher = cipher;
        this.clock = clock;
    }

    private record Pending(UUID id, String provider, String direction, long amountVnd, byte[] accountHash,
                           Timestamp bookedAt) {
    }

    /** Matches up to one batch of received events; returns how many were handled. */
    @Scheduled(fixedDelay = 250)
    public int matchPending() {
        Integer handled = tx.execute(status -> {
            List<Pending> pending = db.sql("""
                    SELECT id, provider, direction, amount_vnd, receiving_account_hash, booked_at FROM payment_event
                    WHERE status = 'RECEIVED' ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(BATCH)
                    .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getBytes(5), rs.getTimestamp(6)))
                    .list();
            for (Pending p : pending) {
                match(p);
            }
            return pending.size();
        });
        return handled == null ? 0 : handled;
    }

    private void match(Pending p) {
        if (p.direction().equals("DEBIT")) {
            db.sql("UPDATE payment_event SET status = 'DEBIT', matched_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), p.id()).update();
            return;
        }
        var owner = accounts.ownerOfHash(p.accountHash());
        if (owner.isEmpty()) {
            db.sql("UPDATE payment_event SET status = 'EXCEPTION', exception_reason = ? WHERE id = ?")
                    .params("UNKNOWN_ACCOUNT", p.id()).update();
            return;
        }
        var o = owner.get();
        db.sql("""
                UPDATE payment_event SET status = 'MATCHED', market_id = ?, stall_id = ?, trader_id = ?, matched_at = ?
                WHERE id = ?""")
                .params(o.marketId(), o.stallId(), o.traderId(), Timestamp.from(clock.instant()), p.id()).update();
        ledger.post(o.marketId(), p.id(), null, "payment " + p.provider(),
                Ledger.payment(p.provider(), o.traderId(), p.amountVnd()));
        events.publishEvent(new PaymentMatched(p.id(), o.marketId(), o.stallId(), o.traderId(), p.amountVnd(),
                p.bookedAt().toInstant()));
    }
}
