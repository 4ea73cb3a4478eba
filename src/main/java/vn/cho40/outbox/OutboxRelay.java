package vn.cho40.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox to Kafka, at least once. Each round claims the oldest unrelayed rows with FOR UPDATE SKIP LOCKED
 * (several servers share the work, none sends a row another is sending), sends them, waits for the brokers'
 * acknowledgement and only then marks them relayed in the same transaction. A failure rolls the claim back: the
 * rows are sent again later (consumers deduplicate by event id). While Kafka is away the cells keep working, the
 * relay says so once and backs off up to half a minute; relayed rows are deleted after the retention.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OutboxSettings settings;
    private final String propertiesFile;
    private final int batch;
    private final Duration retention;
    private final int partitions;
    private volatile boolean running;
    private Thread loop;

    OutboxRelay(JdbcClient db, TransactionTemplate tx, Clock clock, OutboxSettings settings,
                @Value("${cho40.kafka.properties-file:}") String propertiesFile,
                @Value("${cho40.outbox.batch:500}") int batch,
                @Value("${cho40.outbox.retention:7d}") Duration retention,
                @Value("${cho40.kafka.partitions:12}") int partitions) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.propertiesFile = propertiesFile;
        this.batch = batch;
        this.retention = retention;
        this.partitions = partitions;
    }

    /** The backlog as a metric ({@code cho40_outbox_waiting}): it grows while Kafka is away, and should fall after. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void metrics(io.micrometer.core.instrument.MeterRegistry registry) {
        if (settings.enabled()) {
            io.micrometer.core.instrument.Gauge.builder("cho40.outbox.waiting", this, OutboxRelay::waitingOrNaN)
                    .description("outbox events not yet acknowledged by Kafka").register(registry);
        }
    }

    private double waitingOrNaN() {
        try {
            return waiting();
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: no figure rather than a failed scrape
        }
    }

    /** An idempotent producer for these brokers (the relay's own, or one a test points elsewhere). */
    public Producer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(KafkaClients.producer(bootstrapServers, propertiesFile));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.relays() || running) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::run);
        log.info("Chuyển sự kiện sang Kafka tại {} (outbox relay started)", settings.bootstrapServers());
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (loop != null) {
            loop.interrupt();
            loop.join(5000);
        }
    }

    private void run() {
        Producer<String, String> producer = null;
        Duration backoff = Duration.ofSeconds(1);
        boolean failing = false;
        boolean topicsReady = false;
        long lastPurge = 0;
        while (running) {
            try {
                if (!topicsReady) {
                    ensureTopics(settings.bootstrapServers());
                    topicsReady = true;
                }
                if (producer == null) {
                    producer = producer(settings.bootstrapServers());
                }
                int sent = relayOnce(producer);
                if (failing) {
                    log.info("Kafka trả lời trở lại, outbox đang gửi tiếp (Kafka is back; the outbox catches up)");
                    failing = false;
                }
                backoff = Duration.ofSeconds(1);
                if (System.nanoTime() - lastPurge > 60_000_000_000L) {
                    purge();
                    lastPurge = System.nanoTime();
                }
                if (sent < batch) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Không gửi được sang Kafka, sự kiện vẫn nằm trong outbox và sẽ được gửi sau "
                            + "(Kafka unreachable: events stay in the outbox): {}", e.toString());
                    failing = true;
                }
                // A new producer after a failure: nothing of a broken connection's state is carried over.
                if (producer != null) {
                    producer.close(Duration.ofSeconds(1));
                    producer = null;
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    private record Waiting(UUID id, String topic, String key, String province, String payload) {
    }

    /**
     * Sends one batch of waiting events and marks those the brokers acknowledged; returns how many. Throws (and
     * leaves every claimed row waiting) when a send fails.
     */
    public int relayOnce(Producer<String, String> producer) {
        Integer sent = tx.execute(status -> {
            List<Waiting> rows = db.sql("""
                    SELECT id, topic, event_key, province_code, payload::text FROM outbox_event
                    WHERE relayed_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(batch)
                    .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Waiting w : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(w.topic(), w.key(), w.payload());
                record.headers().add(Topics.EVENT_ID_HEADER, w.id().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(Topics.PROVINCE_HEADER, w.province().getBytes(StandardCharsets.UTF_8));
                Future<RecordMetadata> ack = producer.send(record);
                // A broker that is away fails a send only after max.block.ms; stop at the first such failure rather
                // than waiting that long for each of the batch's rows.
                if (ack.isDone()) {
                    await(ack);
                }
                acks.add(ack);
            }
            for (Future<RecordMetadata> ack : acks) {
                await(ack);
            }
            db.sql("UPDATE outbox_event SET relayed_at = ? WHERE id = ANY(?::uuid[])")
                    .params(Timestamp.from(clock.instant()), rows.stream().map(Waiting::id).toArray(UUID[]::new))
                    .update();
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getCause(), e);
        }
    }

    /** Deletes relayed rows older than the retention ({@code cho40.outbox.retention}); returns how many. */
    public int purge() {
        return db.sql("DELETE FROM outbox_event WHERE relayed_at < ?")
                .param(Timestamp.from(clock.instant().minus(retention))).update();
    }

    /** How many events wait to be relayed (the operator's gauge of a Kafka outage). */
    public long waiting() {
        return db.sql("SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL").query(Long.class).single();
    }

    /** Creates the missing topics ({@link TopicSetup}) with this server's partition count. */
    public void ensureTopics(String bootstrapServers) {
        TopicSetup.ensure(KafkaClients.admin(bootstrapServers, propertiesFile), partitions);
    }
}
