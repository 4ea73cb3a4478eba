package vn.cho40.platform;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * The trader's event stream skips the generic per-request HTTP observation: it stays open for hours, a duration
 * for it means nothing, and an open observation per stream held ~10 KB for each of thousands of phones. (Webhooks
 * never reach the servlets; the payment module counts them itself, by provider and outcome: cho40.webhooks.)
 */
@Configuration(proxyBeanMethods = false)
class MachineRequestMetrics {

    /**
     * Spring Security would wrap each filter of each chain in observations of its own: a third of a webhook's
     * CPU in a profile at 1,000 payments/s, for spans nobody collects (request metrics stay, above).
     */
    @Bean
    SecurityObservationSettings noFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ObservationPredicate skipMachineRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier().getRequestURI().equals("/trader/feed"));
    }
}
