package vn.cho40.payment;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Mounts the webhooks (and, for benchmarks only, their baseline) beside the MVC dispatcher. */
@Configuration(proxyBeanMethods = false)
class WebhookServlets {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookEndpoint endpoint, PaymentIngest ingest) {
        ServletRegistrationBean<WebhookServlet> bean =
                new ServletRegistrationBean<>(new WebhookServlet(endpoint, ingest), "/webhooks/*");
        bean.setName("webhooks");
        bean.setLoadOnStartup(1);
        return bean;
    }

    @Bean
    @ConditionalOnBooleanProperty("cho40.bench.baseline")
    ServletRegistrationBean<BenchBaseline> benchBaseline(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
            @Value("${cho40.ingest.writers:2}") int writers) {
        ServletRegistrationBean<BenchBaseline> bean =
                new ServletRegistrationBean<>(new BenchBaseline(jdbc, tx, clock, writers), "/bench/raw");
        bean.setName("bench-baseline");
        return bean;
    }
}
