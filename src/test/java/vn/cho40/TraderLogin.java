package vn.cho40;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;

/** Logs the demo trader (or any trader by phone) in the way a phone does: a code by SMS, then the form. */
public final class TraderLogin {

    private TraderLogin() {
    }

    public static WebSession session(int port, String phone, SmsSender sms, TestClock clock) {
        WebSession session = new WebSession(port, null, null);
        // Other tests logged this trader in too: let the one-time-code send limit (3 per 15 min) pass.
        clock.advance(java.time.Duration.ofMinutes(16));
        session.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login");
        String text = ((LogSmsSender) sms).lastMessage(phone).orElseThrow();
        Matcher code = Pattern.compile("(\\d{6})").matcher(text);
        assertThat(code.find()).isTrue();
        Http.Response login = session.postForm("/trader/login", Map.of("phone", phone, "code", code.group(1)),
                "/trader/login");
        assertThat(login.status()).as("trader login redirects home").isEqualTo(302);
        return session;
    }
}
