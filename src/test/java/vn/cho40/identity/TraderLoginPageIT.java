package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    @Autowired
    SmsSender sms;
    @Autowired
    org.springframework.context.ApplicationContext context;
    private Http http;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        http = new Http(port);
    }

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

    /**
     * A registered and an unregistered phone get the same pages, step by step: before any code, after each send
     * (the fourth is refused for both), and for each wrong code until the tries run out. Only the demo's on-screen
     * SMS differs, and a real server has none.
     */
    @Test
    void aRegisteredAndAnUnknownPhoneGetTheSameAnswers() {
        clock.advance(Duration.ofMinutes(16));
        String registered = vn.cho40.demo.DemoFolder.firstOf(context, "TN-DU").phone();
        String unknown = "0399000111";
        assertThat(answers(unknown)).isEqualTo(answers(registered)).hasSize(10)
                .anySatisfy(page -> assertThat(page).contains("Mã không đúng hoặc không còn dùng được"))
                .anySatisfy(page -> assertThat(page).contains("Đã gửi quá nhiều mã tới số này"))
                .anySatisfy(page -> assertThat(page).contains("Nhập sai quá nhiều lần"));
        clock.advance(Duration.ofMinutes(16));
    }

    private List<String> answers(String phone) {
        WebSession browser = new WebSession(port, null, null);
        List<String> pages = new ArrayList<>();
        pages.add(same(browser.postForm("/trader/login", Map.of("phone", phone, "code", "000000"), "/trader/login"),
                phone));
        for (int i = 0; i < 4; i++) {
            pages.add(same(browser.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login"), phone));
        }
        // A code the demo did not send this phone, so every try is wrong.
        String wrong = ((LogSmsSender) sms).lastMessage(phone).orElse("").contains("111111") ? "222222" : "111111";
        for (int i = 0; i < 5; i++) {
            pages.add(same(browser.postForm("/trader/login", Map.of("phone", phone, "code", wrong), "/trader/login"),
                    phone));
        }
        return pages;
    }

    /** The page without what is expected to differ: the number typed, the CSRF token, the demo's on-screen SMS. */
    private static String same(Http.Response r, String phone) {
        return r.status() + " " + r.body().replace(phone, "PHONE")
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "CSRF")
                .replaceAll("<p class=\"notice demo-sms\"[^>]*>[^<]*</p>", "");
    }
}
