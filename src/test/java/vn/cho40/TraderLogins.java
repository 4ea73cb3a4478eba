package vn.cho40;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;

/** Test helper: a trader's session in the app, logged in by phone with the code the SMS log received. */
public final class TraderLogins {

    private TraderLogins() {
    }

    /**
     * Logs the phone's trader in. The clock moves on 16 minutes first: codes asked too often are refused, and the
     * tests sharing this context ask for the demo trader's often.
     */
    public static WebSession session(int port, String phone, SmsSender sms, TestClock clock) {
        WebSession s = new WebSession(port, null, null);
        logIn(s, phone, sms, clock);
        assertThat(s.get("/trader").status()).isEqualTo(200);
        return s;
    }

    /** Logs the phone's trader in on this session; the login's answer (where it redirects). */
    public static Http.Response logIn(WebSession s, String phone, SmsSender sms, TestClock clock) {
        clock.advance(Duration.ofMinutes(16));
        s.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login");
        Matcher code = Pattern.compile("(\\d{6})").matcher(((LogSmsSender) sms).lastMessage(phone).orElseThrow());
        assertThat(code.find()).as("a code was sent to " + phone).isTrue();
        return s.postForm("/trader/login", Map.of("phone", phone, "code", code.group(1)), "/trader/login");
    }
}
