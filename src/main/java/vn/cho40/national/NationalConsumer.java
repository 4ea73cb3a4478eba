package vn.cho40.national;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cho40.outbox.KafkaClients;
import vn.cho40.outbox.Topics;

/**
 * Reads the cells' topics into the national database: each poll is applied in one transaction, and its offsets are
 * committed only after that transaction, so a crash between the two re-reads events the seen-table then skips.
 * Several national servers share the partitions (one consumer group). When the database or Kafka is away it says so
 * once, starts a new consumer from the committed offsets and tries again.
 */
@Component
@NationalRole
class NationalConsumer {

    private static final Logger log = LoggerFactory.getLogger(NationalConsumer.class);

    private final NationalFigures figures;
    private final String bootstrapServers;
    private final String propertiesFile;
    private final String groupId;
    private final boolean consume;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> current;
    private Thread loop;

    NationalConsumer(NationalFigures figures, NationalSchema schema,
                     @Value("${cho40.kafka.bootstrap-servers:}") String bootstrapServers,
                     @Value("${cho40.kafka.properties-file:}") String propertiesFile,
                     @Value("${cho40.national.group:cho40-national}") String groupId,
                     @Value("${cho40.national.consume:true}") boolean consume) {
        this.figures = figures;
        this.bootstrapServers = bootstrapServers.strip();
        this.propertiesFile = propertiesFile;
        this.groupId = groupId;
        this.consume = consume;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!consume || running) {
            return;
        }
        if (bootstrapServers.isEmpty()) {
            log.warn("Dịch vụ quốc gia chưa có Kafka (cho40.kafka.bootstrap-servers): không nhận số liệu "
                    + "(national role without a Kafka bootstrap: nothing is consumed)");
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("national-consumer").daemon(true).start(this::run);
        log.info("Dịch vụ quốc gia đọc {} từ {} (national consumer started, group {})", Topics.ALL, bootstrapServers,
                groupId);
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = current;
        if (c != null) {
            c.wakeup();
        }
        if (loop != null) {
            loop.join(5000);
        }
    }

    private void run() {
        boolean failing = false;
        long backoff = 1000;
        while (running) {
            try (KafkaConsumer<String, String> consumer =
                         new KafkaConsumer<>(KafkaClients.consumer(bootstrapServers, propertiesFile, groupId))) {
                current = consumer;
                consumer.subscribe(Topics.ALL);
                while (running) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                    if (!records.isEmpty()) {
                        figures.apply(TopicRecords.of(records));
                        consumer.commitSync();
                    }
                    if (failing) {
                        log.info("Dịch vụ quốc gia nhận tiếp (national consumer resumed)");
                        failing = false;
                        backoff = 1000;
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Dịch vụ quốc gia tạm dừng, thử lại sau (national consumer paused): {}", e.toString());
                    failing = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            } finally {
                current = null;
            }
        }
    }
}
