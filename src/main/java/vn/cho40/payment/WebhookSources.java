package vn.cho40.payment;

import java.net.InetAddress;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What one source address may cost the webhooks, in memory, without a database round trip: a token bucket
 * ({@code cho40.webhooks.rate-per-source} a second, up to {@code cho40.webhooks.burst-per-source}) that every
 * request draws from and an accepted request gives back, so a provider whose requests are genuine is never slowed
 * down, whatever its rate, while a source that only earns refusals is held to the rate; and how many refusals a
 * source may have stored this hour ({@code cho40.webhooks.refusals-per-source-hour}), so forged traffic cannot
 * fill the database. IPv6 sources count per /64, the block one subscriber usually gets. The table is per server
 * and forgets on restart: it guards resources, it is not an audit.
 */
@Component
class WebhookSources {

    /** Sources remembered at most; beyond it, idle ones are forgotten and new ones share one bucket. */
    static final int MAX_SOURCES = 100_000;
    private static final String OVERFLOW = "*";
    private static final long HOUR_MS = 3_600_000;

    private static final class Source {
        double tokens;
        long refilledNanos;
        long hour;
        int refusals;
    }

    private final double ratePerSecond;
    private final double burst;
    private final int refusalsPerHour;
    private final Clock clock;
    private final LongSupplier nanos;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    @Autowired
    WebhookSources(@Value("${cho40.webhooks.rate-per-source}") double ratePerSecond,
                   @Value("${cho40.webhooks.burst-per-source}") int burst,
                   @Value("${cho40.webhooks.refusals-per-source-hour}") int refusalsPerHour, Clock clock) {
        this(ratePerSecond, burst, refusalsPerHour, clock, System::nanoTime);
    }

    WebhookSources(double ratePerSecond, int burst, int refusalsPerHour, Clock clock, LongSupplier nanos) {
        if (ratePerSecond < 0 || burst < 1 || refusalsPerHour < 0) {
            throw new IllegalArgumentException("cho40.webhooks.rate-per-source must be >= 0 (0: no limit), "
                    + "burst-per-source >= 1 and refusals-per-source-hour >= 0");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.refusalsPerHour = refusalsPerHour;
        this.clock = clock;
        this.nanos = nanos;
    }

    /**
     * Takes one token for a request from {@code remoteAddr}: 0 when it may go on, else the whole seconds to wait
     * before a token is there again (for Retry-After).
     */
    long take(String remoteAddr) {
        if (ratePerSecond == 0) {
            return 0;
        }
        Source s = source(remoteAddr);
        synchronized (s) {
            refill(s);
            if (s.tokens >= 1) {
                s.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - s.tokens) / ratePerSecond));
        }
    }

    /** Gives back the token of a request that was accepted: only refusals use up a source's rate. */
    void giveBack(String remoteAddr) {
        if (ratePerSecond == 0) {
            return;
        }
        Source s = source(remoteAddr);
        synchronized (s) {
            s.tokens = Math.min(burst, s.tokens + 1);
        }
    }

    /** Whether one more refusal from {@code remoteAddr} may be stored this hour (counts it when it may). */
    boolean mayStoreRefusal(String remoteAddr) {
        Source s = source(remoteAddr);
        long hour = clock.millis() / HOUR_MS;
        synchronized (s) {
            if (s.hour != hour) {
                s.hour = hour;
                s.refusals = 0;
            }
            if (s.refusals >= refusalsPerHour) {
                return false;
            }
            s.refusals++;
            return true;
        }
    }

    int size() {
        return sources.size();
    }

    private void refill(Source s) {
        long now = nanos.getAsLong();
        s.tokens = Math.min(burst, s.tokens + (now - s.refilledNanos) / 1e9 * ratePerSecond);
        s.refilledNanos = now;
    }

    private Source source(String remoteAddr) {
        String key = key(remoteAddr);
        Source s = sources.get(key);
        if (s != null) {
            return s;
        }
        if (sources.size() >= MAX_SOURCES && (!sweep() || sources.size() >= MAX_SOURCES)) {
            key = OVERFLOW;
        }
        return sources.computeIfAbsent(key, k -> {
            Source fresh = new Source();
            fresh.tokens = burst;
            fresh.refilledNanos = nanos.getAsLong();
            fresh.hour = clock.millis() / HOUR_MS;
            return fresh;
        });
    }

    /** Forgets sources with a full bucket and no refusal this hour; at most once a second. */
    private boolean sweep() {
        long now = nanos.getAsLong();
        long last = lastSweep.get();
        if (now - last < 1_000_000_000L || !lastSweep.compareAndSet(last, now)) {
            return false;
        }
        long hour = clock.millis() / HOUR_MS;
        sources.entrySet().removeIf(e -> {
            Source s = e.getValue();
            synchronized (s) {
                if (ratePerSecond > 0) {
                    refill(s);
                }
                return (ratePerSecond == 0 || s.tokens >= burst) && (s.hour != hour || s.refusals == 0);
            }
        });
        return true;
    }

    /** IPv4 addresses as they are; IPv6 by their first 64 bits. */
    static String key(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isEmpty()) {
            return "?";
        }
        if (remoteAddr.indexOf(':') < 0) {
            return remoteAddr;
        }
        String literal = remoteAddr.startsWith("[") ? remoteAddr.substring(1, remoteAddr.indexOf(']') < 0
                ? remoteAddr.length() : remoteAddr.indexOf(']')) : remoteAddr;
        int zone = literal.indexOf('%');
        try {
            byte[] a = InetAddress.ofLiteral(zone < 0 ? literal : literal.substring(0, zone)).getAddress();
            return a.length == 16 ? HexFormat.of().formatHex(a, 0, 8) + "::/64" : remoteAddr;
        } catch (IllegalArgumentException e) {
            return remoteAddr;
        }
    }
}
