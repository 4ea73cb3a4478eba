package vn.cho40.payment;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test helper: matches until no payment waits (the background matcher may hold a batch meanwhile). */
public final class MatchAll {

    private MatchAll() {
    }

    public static void now(PaymentMatcher matcher, JdbcClient db) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            matcher.matchPending();
            if (db.sql("SELECT count(*) FROM payment_event WHERE status = 'RECEIVED'").query(Long.class).single() == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("payments still waiting to be matched after 10 s");
    }
}
