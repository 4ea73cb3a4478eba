package vn.cho40.identity;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without locking anyone out. A hard lock after five failures let anyone who knew a
 * cashier's username lock the cashier out on market day (security review part 1 #8). Failures are counted per
 * (normalised username, source address) and, more coarsely, per source across all usernames. Past the free tries
 * each further failure doubles the wait before that source may try again (1 s, 2 s, 4 s … up to 15 minutes), so
 * the right password from a source that has not been guessing is never refused. Counts are forgotten after an
 * hour without failures; a success clears its (username, source) count. In memory, per server.
 */
@Component
class LoginThrottle {

    static final int FREE_PER_NAME = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Sources tracked at once; beyond it the oldest are dropped, so a flood of addresses cannot fill the heap. */
    static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {

        /** When the next try is allowed: right away within the free tries, else after the doubled wait. */
        Instant nextTry(int free) {
            return count < free ? last : last.plus(waitAfter(count - free));
        }

        boolean forgotten(Instant now) {
            return last.plus(FORGET_AFTER).isBefore(now);
        }
    }

    private final Clock clock;
    private final int freePerSource;
    private final Map<String, Failures> byNameAndSource = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, @Value("${cho40.login.free-failures-per-source:50}") int freePerSource) {
        this.clock = clock;
        this.freePerSource = freePerSource;
    }

    /** How long this source must still wait before it may try this username; zero when it may try now. */
    Duration waitFor(String username, String source) {
        Instant now = clock.instant();
        Instant next = later(nextTry(byNameAndSource.get(key(username, source)), FREE_PER_NAME, now),
                nextTry(bySource.get(source), freePerSource, now));
        return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
    }

    void failed(String username, String source) {
        Instant now = clock.instant();
        count(byNameAndSource, key(username, source), now);
        count(bySource, source, now);
    }

    /** Only this (username, source): a source's other guesses still count against it. */
    void succeeded(String username, String source) {
        byNameAndSource.remove(key(username, source));
    }

    /** 1 s after the free tries, doubling with each further failure, at most 15 minutes. */
    static Duration waitAfter(int beyondFree) {
        return beyondFree >= 10 ? MAX_WAIT : min(MAX_WAIT, FIRST_WAIT.multipliedBy(1L << beyondFree));
    }

    /**
     * The address a guess is counted under: IPv4 as it is, IPv6 by its /64 (one subscriber's network holds 2^64
     * addresses, and counting each alone would give every one of them its free tries).
     */
    static String source(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.ofLiteral(remoteAddress.strip()).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return remoteAddress.strip();
        }
    }

    private static String key(String username, String source) {
        return username + "\u0000" + source;
    }

    private static Instant nextTry(Failures f, int free, Instant now) {
        return f == null || f.forgotten(now) ? now : f.nextTry(free);
    }

    private static void count(Map<String, Failures> map, String key, Instant now) {
        map.compute(key, (k, f) -> f == null || f.forgotten(now) ? new Failures(1, now)
                : new Failures(f.count() + 1, now));
        if (map.size() > MAX_TRACKED) {
            trim(map, now);
        }
    }

    private static void trim(Map<String, Failures> map, Instant now) {
        map.values().removeIf(f -> f.forgotten(now));
        if (map.size() > MAX_TRACKED) {
            map.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().last()))
                    .limit(map.size() - MAX_TRACKED * 9L / 10).map(Map.Entry::getKey).toList()
                    .forEach(map::remove);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
