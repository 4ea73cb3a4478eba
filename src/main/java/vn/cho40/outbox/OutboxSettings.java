package vn.cho40.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this deployment publishes facts. Off unless {@code cho40.outbox.enabled=true} or a Kafka bootstrap is
 * configured ({@code cho40.kafka.bootstrap-servers}) on a cell (not the national role): a single-machine deployment has no national service to read
 * them, and an outbox nobody relays would only grow. {@code cho40.outbox.enabled=false} turns it off explicitly.
 */
@Component
public class OutboxSettings {

    private final boolean enabled;
    private final String bootstrapServers;

    OutboxSettings(@Value("${cho40.outbox.enabled:}") String enabled,
                   @Value("${cho40.kafka.bootstrap-servers:}") String bootstrapServers,
                   @Value("${cho40.role:cell}") String role) {
        this.bootstrapServers = bootstrapServers.strip();
        // A national server's bootstrap is for consuming: it has no market facts of its own to publish.
        boolean byDefault = !this.bootstrapServers.isEmpty() && !role.strip().equals("national");
        this.enabled = enabled.isBlank() ? byDefault : Boolean.parseBoolean(enabled.strip());
    }

    /** Whether facts are written to the outbox. */
    public boolean enabled() {
        return enabled;
    }

    /** The Kafka bootstrap servers (host:port,host:port), empty when this server does not relay. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether this server runs the relay: it writes, and it knows a broker. */
    public boolean relays() {
        return enabled && !bootstrapServers.isEmpty();
    }
}
