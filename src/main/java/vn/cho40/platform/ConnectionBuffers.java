package vn.cho40.platform;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every trader's phone keeps one event stream open all day, so a market town's server holds thousands of idle
 * connections: what each one costs is what matters, not the speed of one big response. Jetty keeps the output
 * buffer of a streaming response for as long as the stream is open; 32 KB by default, 4 KB here (a payment event
 * is ~300 bytes; larger responses are written straight through, a few more writes for a big page).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionBuffers {

    @Bean
    JettyServerCustomizer smallConnectionBuffers(@Value("${cho40.http.output-buffer-bytes:4096}") int outputBytes) {
        return server -> {
            for (var connector : server.getConnectors()) {
                for (ConnectionFactory factory : connector.getConnectionFactories()) {
                    if (factory instanceof HttpConnectionFactory http) {
                        HttpConfiguration config = http.getHttpConfiguration();
                        config.setOutputBufferSize(outputBytes);
                        config.setOutputAggregationSize(Math.min(outputBytes, config.getOutputAggregationSize()));
                        config.setUseOutputDirectByteBuffers(false);
                    }
                }
            }
        };
    }
}
