package vn.cho40.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public: the market directory and its JSON, health, API docs. Everything else needs a staff login. Until
 * staff accounts and roles arrive, one administrator whose password comes from configuration
 * (CHO40_ADMIN_PASSWORD); when none is configured a random one is made and printed once at start.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/markets", "/markets/*", "/login", "/error", "/css/**", "/js/**",
                                "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/markets",
                                "/api/v1/markets/*", "/api/v1/admin-units/**", "/api/v1/banks").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .httpBasic(Customizer.withDefaults())
                // Forms carry the token; API clients using basic auth on /api are machines, not browsers.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new org.springframework.security.web.authentication.HttpStatusEntryPoint(
                                org.springframework.http.HttpStatus.UNAUTHORIZED),
                        request -> request.getRequestURI().startsWith("/api/")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(PasswordEncoder encoder, @Value("${cho40.admin.username}") String username,
                             @Value("${cho40.admin.password:}") String password) {
        String effective = password;
        if (effective.isBlank()) {
            byte[] random = new byte[9];
            new SecureRandom().nextBytes(random);
            effective = HexFormat.of().formatHex(random);
            log.warn("Chưa đặt CHO40_ADMIN_PASSWORD: mật khẩu quản trị tạm thời cho '{}' là {} "
                    + "(no CHO40_ADMIN_PASSWORD set: temporary admin password)", username, effective);
        }
        return new InMemoryUserDetailsManager(
                User.withUsername(username).password(encoder.encode(effective)).roles("ADMIN").build());
    }
}
