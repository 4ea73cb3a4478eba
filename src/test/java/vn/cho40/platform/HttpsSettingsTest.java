package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** CHO40_HTTPS=true is one switch: a Secure cookie and the proxy's forwarded headers believed; off by default. */
class HttpsSettingsTest {

    private static StandardEnvironment with(Map<String, Object> settings) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new HttpsSettings().postProcessEnvironment(env, null);
        return env;
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecureAndForwardedHeadersAreBelieved() {
        StandardEnvironment env = with(Map.of("cho40.https", "true"));
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(env.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }

    @Test
    void withoutTheSwitchNothingIsBelieved() {
        StandardEnvironment env = with(Map.of());
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isNull();
        assertThat(env.getProperty("server.forward-headers-strategy")).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        StandardEnvironment env = with(Map.of("cho40.https", "true", "server.forward-headers-strategy", "framework"));
        assertThat(env.getProperty("server.forward-headers-strategy")).isEqualTo("framework");
    }
}
