package vn.cho40.payment;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts the webhooks (and, for benchmarks only, their baseline) in front of the servlet container. */
@Configuration(proxyBeanMethods = false)
class WebhookServer {

    @Bean
    JettyServerCustomizer webhooksInFront(WebhookEndpoint endpoint, WebhookSources sources) {
        return server -> server.setHandler(new WebhookHandler(endpoint, sources, server.getHandler()));
    }

    @Bean
    @ConditionalOnBooleanProperty("cho40.bench.baseline")
    JettyServerCustomizer benchBaselineInFront(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
                                               @Value("${cho40.ingest.writers:1}") int writers) {
        return server -> server.setHandler(new BenchBaseline(jdbc, tx, clock, writers, server.getHandler()));
    }
}
