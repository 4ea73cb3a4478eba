package vn.cho40.payment;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Whether this server is matching payments at a high rate: background work that can wait (signing e-documents) asks
 * before taking the CPU, so money reaches traders' ledgers and phones first on a small machine.
 */
@Component
public class MatchingLoad {

    /** Payments matched within one second that mean payments are pouring in (a busy market sees a few a second). */
    static final int BUSY_PER_SECOND = 200;
    private static final long SECOND = 1_000_000_000L;
    private static final long BUSY_FOR_NANOS = 2 * SECOND;

    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final LongAdder inWindow = new LongAdder();
    private volatile long lastBusy = System.nanoTime() - BUSY_FOR_NANOS;

    /** True within two seconds of a second in which at least {@link #BUSY_PER_SECOND} payments were matched. */
    public boolean busy() {
        return System.nanoTime() - lastBusy < BUSY_FOR_NANOS;
    }

    void matched(int payments) {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start > SECOND && windowStart.compareAndSet(start, now)) {
            inWindow.reset();
        }
        inWindow.add(payments);
        if (inWindow.sum() >= BUSY_PER_SECOND) {
            lastBusy = now;
        }
    }
}
