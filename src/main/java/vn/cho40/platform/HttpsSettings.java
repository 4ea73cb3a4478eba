package vn.cho40.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for a deployment behind an HTTPS proxy, {@code CHO40_HTTPS=true} ({@code cho40.https}): the session
 * cookie gets Secure, and the proxy's X-Forwarded-For/-Proto are believed ({@code server.forward-headers-strategy=
 * native}), so requests are seen as HTTPS (HSTS is sent, redirects stay on https) and each visitor's address is
 * their own, not the proxy's (login throttling, webhook limits). Only then: believing those headers without a proxy
 * that sets them would let any client pick its address. Defaults only: an explicit server.* setting wins.
 */
class HttpsSettings implements EnvironmentPostProcessor {

    static final String SOURCE = "cho40-https";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("cho40.https", Boolean.class, false)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.servlet.session.cookie.secure", "true");
        defaults.put("server.forward-headers-strategy", "native");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
