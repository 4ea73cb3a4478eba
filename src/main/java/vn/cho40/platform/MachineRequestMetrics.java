package vn.cho40.platform;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Webhook requests (thousands a second) skip the generic per-request HTTP observation, about a fifth of their
 * cost; the payment module counts them itself, by provider and outcome (cho40.webhooks). The trader's event
 * stream is skipped too: it stays open for hours, a duration for it means nothing, and an open observation per
 * stream held ~10 KB for each of thousands of phones.
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
                && (server.getCarrier().getRequestURI().startsWith("/webhooks/")
                || server.getCarrier().getRequestURI().startsWith("/bench/")
                || server.getCarrier().getRequestURI().equals("/trader/feed")));
    }
}
