package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

@IntegrationTest
class TraderLoginPageIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProvince demo;
    @Autowired
    TestClock clock;

    @Test
    void tooManyCodesSaysHowLongToWaitInMinutes() {
        clock.advance(Duration.ofMinutes(16));
        String phone = demo.demoTraderPhone();
        WebSession phoneBrowser = new WebSession(port, null, null);
        Http.Response last = null;
        for (int i = 0; i < 4; i++) {
            last = phoneBrowser.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login");
        }
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body()).contains("Đã gửi quá nhiều mã tới số này. Hãy thử lại sau 15 phút.")
                .doesNotContain("{0}");
        clock.advance(Duration.ofMinutes(16)); // the next test's trader logs in afresh
    }
}
