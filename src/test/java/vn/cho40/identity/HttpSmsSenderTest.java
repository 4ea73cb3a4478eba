package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP SMS adapter against a real local HTTP server standing in for the gateway. */
class HttpSmsSenderTest {

    private HttpServer gateway;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> auth = new AtomicReference<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
    }

    @Test
    void postsTheMessageAsJsonWithTheToken() {
        new HttpSmsSender(url(), "secret-token").send("0961234567", "Ma xac thuc: 123456 \"ok\"");
        assertThat(body.get()).isEqualTo("{\"to\":\"0961234567\",\"text\":\"Ma xac thuc: 123456 \\\"ok\\\"\"}");
        assertThat(auth.get()).isEqualTo("Bearer secret-token");
    }

    @Test
    void aRefusingGatewayIsAnError() {
        status = 500;
        assertThatThrownBy(() -> new HttpSmsSender(url(), "t").send("0961234567", "x"))
                .hasMessageContaining("500");
    }
}
