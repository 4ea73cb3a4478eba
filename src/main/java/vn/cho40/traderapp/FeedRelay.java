package vn.cho40.traderapp;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Carries matched payments to the trader streams held by the other servers on the same database, through
 * PostgreSQL's LISTEN/NOTIFY: several servers behind a balancer share the work, and a trader's phone may hold its
 * stream on any of them. The durable record stays the payments table: a phone that reconnects (to any server)
 * replays from it by Last-Event-ID, so a notification lost with a crashed server delays an announcement, never
 * loses it. Notifications are batched (a few per second carry thousands of payments) and each server ignores its
 * own, which it has already pushed to its streams directly.
 */
@Component
class FeedRelay implements SmartLifecycle {

    static final String CHANNEL = "cho40_feed";
    /** PostgreSQL refuses payloads of 8,000 bytes or more. */
    static final int MAX_PAYLOAD = 7_900;

    private static final Logger log = LoggerFactory.getLogger(FeedRelay.class);

    /**
     * A payment to announce: enough for the trader's phone, nothing personal. {@code coded} when it carried a payment
     * code, so what it paid for (an order's items) may be worth looking up before it is announced.
     */
    record Announcement(UUID traderId, UUID paymentId, long amountVnd, Instant bookedAt, boolean coded) {
        Announcement(UUID traderId, UUID paymentId, long amountVnd, Instant bookedAt) {
            this(traderId, paymentId, amountVnd, bookedAt, false);
        }
    }

    private final DataSource dataSource;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final ConcurrentLinkedQueue<Announcement> outbox = new ConcurrentLinkedQueue<>();
    private volatile Consumer<Announcement> deliver = a -> { };
    private volatile boolean running;
    private volatile Connection listening;
    private Thread sender;
    private Thread listener;

    FeedRelay(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Where announcements from the other servers go (this server's open streams). */
    void onRemote(Consumer<Announcement> deliver) {
        this.deliver = deliver;
    }

    /** Queues a payment matched on this server for the other servers' streams. */
    void publish(Announcement a) {
        if (running) {
            outbox.add(a);
        }
    }

    @Override
    public void start() {
        running = true;
        sender = Thread.ofPlatform().name("feed-relay-send").daemon(true).start(this::sendLoop);
        listener = Thread.ofPlatform().name("feed-relay-listen").daemon(true).start(this::listenLoop);
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(listening);
        for (Thread t : new Thread[] {sender, listener}) {
            if (t != null) {
                t.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after the database and stopped before it. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void sendLoop() {
        Connection c = null;
        while (running) {
            try {
                if (outbox.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(20);
                    continue;
                }
                if (c == null || c.isClosed()) {
                    c = open();
                }
                List<String> payloads = drain();
                try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    for (String payload : payloads) {
                        notify.setString(1, CHANNEL);
                        notify.setString(2, payload);
                        notify.execute();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                // The database went away: the phones on other servers replay when they reconnect.
                log.warn("Không gửi được thông báo tiền về cho máy chủ khác (feed relay send failed): {}", e.toString());
                closeQuietly(c);
                c = null;
                pause();
            }
        }
        closeQuietly(c);
    }

    private List<String> drain() {
        List<Announcement> batch = new ArrayList<>();
        for (Announcement a; batch.size() < 10_000 && (a = outbox.poll()) != null; ) {
            batch.add(a);
        }
        return encode(instance, batch);
    }

    private void listenLoop() {
        while (running) {
            try (Connection c = open()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(1_000);
                    if (got == null) {
                        continue;
                    }
                    for (PGNotification n : got) {
                        decodeForeign(instance, n.getParameter()).forEach(a -> deliver.accept(a));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Mất kết nối nhận thông báo tiền về, thử lại (feed relay listen lost): {}", e.toString());
                    pause();
                }
            } finally {
                listening = null;
            }
        }
    }

    /** Connections of its own, outside the pool: the listener holds one for as long as the server runs. */
    private Connection open() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /**
     * Payloads for these announcements: the sending server's id, then one {@code trader,payment,amount,millis}
     * (and {@code ,c} when it carried a code) per announcement, separated by semicolons, each payload under PostgreSQL's limit.
     */
    static List<String> encode(String instance, List<Announcement> batch) {
        List<String> payloads = new ArrayList<>();
        StringBuilder p = new StringBuilder(instance).append('|');
        int empty = p.length();
        for (Announcement a : batch) {
            String item = a.traderId() + "," + a.paymentId() + "," + a.amountVnd() + "," + a.bookedAt().toEpochMilli()
                    + (a.coded() ? ",c" : "");
            if (p.length() + item.length() + 1 > MAX_PAYLOAD) {
                payloads.add(p.toString());
                p.setLength(empty);
            }
            if (p.length() > empty) {
                p.append(';');
            }
            p.append(item);
        }
        if (p.length() > empty) {
            payloads.add(p.toString());
        }
        return payloads;
    }

    /** The announcements of a payload sent by another server; none for this server's own or a malformed one. */
    static List<Announcement> decodeForeign(String instance, String payload) {
        int bar = payload == null ? -1 : payload.indexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(instance)) {
            return List.of();
        }
        List<Announcement> out = new ArrayList<>();
        for (String item : payload.substring(bar + 1).split(";")) {
            String[] f = item.split(",");
            try {
                out.add(new Announcement(UUID.fromString(f[0]), UUID.fromString(f[1]), Long.parseLong(f[2]),
                        Instant.ofEpochMilli(Long.parseLong(f[3])), f.length > 4 && f[4].equals("c")));
            } catch (RuntimeException malformed) {
                // another version's format, or noise on the channel: skip it, the phone replays on reconnect
            }
        }
        return out;
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // closing anyway
            }
        }
    }
}
