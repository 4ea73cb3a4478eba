package vn.cho40.outbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics that do not exist yet, kept forever (retention.ms=-1): the national service rebuilds from them.
 * The partition count bounds how many national consumers share a topic; the replication factor is the brokers'
 * default (a cluster's operator creates the topics with 3 replicas beforehand, docs/operations.md).
 */
final class TopicSetup {

    private TopicSetup() {
    }

    static void ensure(Properties adminSettings, int partitions) {
        try (Admin admin = Admin.create(adminSettings)) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(t -> new NewTopic(t, Optional.of(partitions), Optional.<Short>empty())
                            .configs(Map.of("retention.ms", "-1")))
                    .toList();
            admin.createTopics(topics).values().values().forEach(f -> {
                try {
                    f.get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create Kafka topics: " + e.getCause(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka did not answer the topic creation", e);
                }
            });
        }
    }
}
