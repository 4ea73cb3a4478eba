package vn.cho40.payment;

import org.springframework.stereotype.Component;

/**
 * Whether this server's matcher is working through a backlog: background work that can wait (signing e-documents)
 * asks before taking the CPU, so money reaches traders' ledgers and phones first on a small machine.
 */
@Component
public class MatchingLoad {

    /** A batch at least this big means payments are arriving faster than one at a time. */
    static final int BUSY_BATCH = 100;
    private static final long BUSY_FOR_NANOS = 2_000_000_000L;

    private volatile long lastBusyBatch = System.nanoTime() - BUSY_FOR_NANOS;

    /** True when a big batch was matched within the last two seconds. */
    public boolean busy() {
        return System.nanoTime() - lastBusyBatch < BUSY_FOR_NANOS;
    }

    void matched(int batchSize) {
        if (batchSize >= BUSY_BATCH) {
            lastBusyBatch = System.nanoTime();
        }
    }
}
