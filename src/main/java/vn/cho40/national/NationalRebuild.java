package vn.cho40.national;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.cho40.outbox.KafkaClients;
import vn.cho40.outbox.Topics;

/**
 * Rebuilds the national database from the topics: empties its tables, then reads every partition from the
 * beginning with a consumer group of its own up to the end offsets taken after emptying. A live consumer that keeps
 * running meanwhile is harmless: whichever applies an event first records its id, the other skips it.
 */
@Component
@NationalRole
class NationalRebuild {

    /** What a rebuild read and applied. */
    record Result(long read, long applied, String groupId) {
    }

    private final NationalFigures figures;
    private final String bootstrapServers;
    private final String propertiesFile;

    NationalRebuild(NationalFigures figures, NationalSchema schema,
                    @Value("${cho40.kafka.bootstrap-servers:}") String bootstrapServers,
                    @Value("${cho40.kafka.properties-file:}") String propertiesFile) {
        this.figures = figures;
        this.bootstrapServers = bootstrapServers.strip();
        this.propertiesFile = propertiesFile;
    }

    Result rebuild(Duration timeout) {
        if (bootstrapServers.isEmpty()) {
            throw new IllegalStateException("cho40.kafka.bootstrap-servers is not set");
        }
        String group = "cho40-national-rebuild-" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(KafkaClients.consumer(bootstrapServers, propertiesFile, group))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            figures.clear();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(15));
            long read = 0;
            long applied = 0;
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("rebuild did not reach the end of the topics within " + timeout
                            + " (" + read + " records read)");
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                read += records.count();
                if (!records.isEmpty()) {
                    applied += figures.apply(TopicRecords.of(records));
                }
            }
            consumer.commitSync();
            return new Result(read, applied, group);
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
