package vn.cho40.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator is the operator's: health stays public for load balancers (status only, no details), everything
 * else (Prometheus metrics, metrics, info) needs the metrics login, {@code metrics} with CHO40_METRICS_PASSWORD, by
 * HTTP Basic (Prometheus' {@code basic_auth}). Webhook counts per provider and outcome, traffic per URI and the
 * JVM's state told anyone how the platform was doing and being probed (security review part 1 #16). Without the
 * password nobody reads them. A chain of its own, ahead of the pages' chain: no session, no staff login here.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    static final String USERNAME = "metrics";
    /** A password Prometheus keeps in a file, not one a person types: long enough that guessing it is hopeless. */
    static final int MIN_PASSWORD = 16;

    @Bean
    // Commands without a web server (./cho40 import) have no HTTP security to build.
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    @Order(1)
    SecurityFilterChain operator(HttpSecurity http, @Value("${cho40.metrics.password:}") String password)
            throws Exception {
        if (!password.isEmpty() && password.length() < MIN_PASSWORD) {
            throw new StartRefused("CHO40_METRICS_PASSWORD quá ngắn (ít nhất " + MIN_PASSWORD + " ký tự). "
                    + "CHO40_METRICS_PASSWORD is too short (at least " + MIN_PASSWORD + " characters).",
                    "Tạo mật khẩu ngẫu nhiên: head -c 24 /dev/urandom | base64. "
                            + "Make a random one: head -c 24 /dev/urandom | base64.");
        }
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("METRICS"))
                .httpBasic(basic -> basic.realmName("cho40 metrics"))
                .authenticationManager(new ProviderManager(new MetricsLogin(password)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** The one metrics login, compared in constant time; with no password configured nothing matches. */
    private record MetricsLogin(String password) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication attempt) {
            byte[] given = String.valueOf(attempt.getCredentials()).getBytes(StandardCharsets.UTF_8);
            boolean rightPassword = MessageDigest.isEqual(given, password.getBytes(StandardCharsets.UTF_8));
            boolean rightName = USERNAME.equals(attempt.getName());
            if (password.isEmpty() || !rightPassword || !rightName) {
                throw new BadCredentialsException("not the metrics login");
            }
            return UsernamePasswordAuthenticationToken.authenticated(USERNAME, null,
                    List.of(new SimpleGrantedAuthority("ROLE_METRICS")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
