package vn.cho40.traderapp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.payment.PaymentMatched;
import vn.cho40.payment.PaymentNotes;
import vn.cho40.payment.Payments;
import vn.cho40.shared.AmountInWords;
import vn.cho40.shared.Money;
import vn.cho40.shared.VnFormats;

/**
 * Pushes each matched payment to the trader's open app. A reconnecting browser sends Last-Event-ID and gets
 * what arrived while it was away, from the database, so a dropped mobile connection loses nothing.
 */
@Controller
class TraderFeed {

    private static final long TIMEOUT_MILLIS = 30 * 60_000L;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Map<UUID, List<SseEmitter>> open = new ConcurrentHashMap<>();
    private final Payments payments;
    private final Access access;
    private final long warnBelowVnd;
    private final long heartbeatSeconds;
    /** Seconds since start, counted on the sender thread only. */
    private long pingTicks;

    private final FeedRelay relay;
    private final List<PaymentNotes> notes;

    TraderFeed(Payments payments, Access access, FeedRelay relay, List<PaymentNotes> notes,
               @Value("${cho40.feed.warn-below-vnd:1000}") long warnBelowVnd,
               @Value("${cho40.feed.heartbeat-seconds:20}") long heartbeatSeconds) {
        this.payments = payments;
        this.relay = relay;
        this.notes = List.copyOf(notes);
        this.access = access;
        this.warnBelowVnd = warnBelowVnd;
        this.heartbeatSeconds = Math.max(1, heartbeatSeconds);
        sender.scheduleWithFixedDelay(this::ping, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        // Payments matched by the other servers on the same database, for the streams this server holds.
        relay.onRemote(a -> {
            if (open.containsKey(a.traderId())) {
                sender.execute(() -> push(a));
            }
        });
    }

    /** What the app shows and says for one payment; {@code note} what it paid for (an order's items), or null. */
    record Item(String id, long amount, String amountText, String words, String at, boolean belowFloor, String note) {
    }

    /**
     * The browser's EventSource sends Last-Event-ID when it reconnects by itself; the app's own watchdog, which
     * replaces a stream gone silent, says where it stopped with {@code after}.
     */
    @GetMapping(path = "/trader/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter feed(@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                    @RequestParam(value = "after", required = false) String afterParam) throws IOException {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        List<SseEmitter> mine = open.computeIfAbsent(me.traderId(), k -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        emitter.onCompletion(() -> mine.remove(emitter));
        emitter.onTimeout(() -> mine.remove(emitter));
        emitter.onError(e -> mine.remove(emitter));
        // A first comment line tells the app (and proxies) the stream is open before any payment arrives.
        emitter.send(SseEmitter.event().comment("connected"));
        // The first ping at once: the app learns the heartbeat period before it could miss one.
        emitter.send(ping(heartbeatSeconds));
        UUID after = parse(lastEventId != null && !lastEventId.isBlank() ? lastEventId : afterParam);
        List<Payments.Received> missed = payments.receivedBy(me.traderId(), after, after == null ? 10 : 100);
        Map<UUID, String> said = notesOf(missed.stream().map(Payments.Received::id).toList());
        for (Payments.Received r : missed) {
            send(emitter, item(r.id(), r.amountVnd(), r.bookedAt(), said.get(r.id())));
        }
        return emitter;
    }

    /**
     * Sends happen on their own thread, in order: the matcher publishing thousands of payments a second never
     * waits for a phone on a slow connection. The same thread sends the heartbeat.
     */
    private final java.util.concurrent.ScheduledExecutorService sender = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("trader-feed").daemon(true).factory());

    /**
     * A mobile network can drop an idle connection without either end noticing, and a page waiting on it would
     * miss every payment in silence. Each open page gets a small "ping" event regularly: the app reconnects when
     * pings stop, and a write to a dead connection fails here and lets it go.
     */
    private void ping() {
        // Each second one slice of the traders, each trader once a period: 5,000 pings in one burst held the
        // payments queued behind them on this thread for a few hundred milliseconds.
        long slice = pingTicks++ % heartbeatSeconds;
        for (Map.Entry<UUID, List<SseEmitter>> trader : open.entrySet()) {
            if (Math.floorMod(trader.getKey().hashCode(), heartbeatSeconds) != slice) {
                continue;
            }
            List<SseEmitter> emitters = trader.getValue();
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(ping(heartbeatSeconds));
                } catch (IOException | RuntimeException gone) {
                    // Gone, or anything else: one page must not stop the heartbeat of the others.
                    emitters.remove(emitter);
                }
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PaymentMatched e) {
        FeedRelay.Announcement a = new FeedRelay.Announcement(e.traderId(), e.paymentId(), e.amountVnd(), e.bookedAt(),
                e.paymentCode() != null);
        relay.publish(a);
        if (open.containsKey(e.traderId())) {
            sender.execute(() -> push(a));
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /**
     * Closes every open stream before the web server's graceful shutdown waits for requests to end: a phone's
     * stream never ends by itself, so the server waited out the whole grace period (with the database already
     * going away under the matcher) before it stopped. The phones reconnect to whichever server is up.
     */
    @org.springframework.context.annotation.Bean
    static org.springframework.context.SmartLifecycle closeStreamsFirst(
            org.springframework.beans.factory.ObjectProvider<TraderFeed> feed) {
        return new org.springframework.context.SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                feed.ifAvailable(TraderFeed::closeAll);
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE; // stopped first, before the web server's graceful shutdown
            }
        };
    }

    /** Ends every open stream (the browser's EventSource reconnects by itself). */
    void closeAll() {
        open.values().forEach(emitters -> {
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.complete();
                } catch (RuntimeException alreadyGone) {
                    // nothing to close
                }
            }
            emitters.clear();
        });
        open.clear();
    }

    private void push(FeedRelay.Announcement e) {
        List<SseEmitter> emitters = open.get(e.traderId());
        if (emitters == null) {
            return;
        }
        // Only a payment that carried a code can have paid for something named (an order): one lookup for those.
        String note = e.coded() ? notesOf(List.of(e.paymentId())).get(e.paymentId()) : null;
        Item item = item(e.paymentId(), e.amountVnd(), e.bookedAt(), note);
        String json = JSON.writeValueAsString(item);
        for (SseEmitter emitter : emitters) {
            try {
                send(emitter, item.id(), json);
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }
    }

    private Item item(UUID id, long amountVnd, java.time.Instant at, String note) {
        return new Item(id.toString(), amountVnd, Money.vnd(amountVnd).format(),
                AmountInWords.invoice(amountVnd, AmountInWords.Style.NORTHERN), VnFormats.dateTime(at),
                amountVnd < warnBelowVnd, note);
    }

    /** What these payments paid for, from every module that knows; a failing lookup never stops an announcement. */
    private Map<UUID, String> notesOf(List<UUID> ids) {
        if (ids.isEmpty() || notes.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> all = new java.util.HashMap<>();
        for (PaymentNotes n : notes) {
            try {
                all.putAll(n.notes(ids));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TraderFeed.class).warn("payment notes unavailable: {}", e.toString());
            }
        }
        return all;
    }

    private static void send(SseEmitter emitter, Item item) throws IOException {
        send(emitter, item.id(), JSON.writeValueAsString(item));
    }

    /** The item is written as JSON once, whatever the number of open pages it goes to. */
    private static void send(SseEmitter emitter, String id, String json) throws IOException {
        emitter.send(SseEmitter.event().id(id).name("payment").data(json));
    }

    /** The heartbeat event; its data is the period in seconds, which the app's watchdog reads. */
    private static SseEmitter.SseEventBuilder ping(long periodSeconds) {
        return SseEmitter.event().name("ping").data(periodSeconds);
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
