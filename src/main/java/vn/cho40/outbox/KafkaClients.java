package vn.cho40.outbox;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings of cho40's Kafka clients. The relay's producer is idempotent with acks=all: a retried send is written
 * once, and a send counts as done only when every in-sync replica has it. Anything else the brokers need (TLS, SASL
 * credentials) comes from a properties file named by {@code cho40.kafka.properties-file}, never from the repository.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    public static Properties producer(String bootstrapServers, String propertiesFile) {
        Properties p = base(bootstrapServers, propertiesFile);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "cho40-outbox-relay");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A broker that is away should cost the relay seconds, not minutes: it backs off and tries again later.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return p;
    }

    public static Properties consumer(String bootstrapServers, String propertiesFile, String groupId) {
        Properties p = base(bootstrapServers, propertiesFile);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    public static Properties admin(String bootstrapServers, String propertiesFile) {
        Properties p = base(bootstrapServers, propertiesFile);
        p.put("request.timeout.ms", "10000");
        p.put("default.api.timeout.ms", "15000");
        return p;
    }

    private static Properties base(String bootstrapServers, String propertiesFile) {
        Properties p = new Properties();
        if (propertiesFile != null && !propertiesFile.isBlank()) {
            try (Reader r = Files.newBufferedReader(Path.of(propertiesFile), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read cho40.kafka.properties-file " + propertiesFile + ": " + e, e);
            }
        }
        // Reconnect to a broker that is away at most every 10 s, not every second.
        p.putIfAbsent("reconnect.backoff.max.ms", "10000");
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }
}
