package vn.cho40.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public: the market directory and its JSON, health, API docs, the trader login and sign verification.
 * Staff pages need a staff login, trader pages a trader login; finer rules (scope, role) are checked by
 * each module through identity's Access.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Payment providers never reach this chain: their webhooks are answered in front of the servlets (payment). */
    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/markets", "/markets/*", "/login", "/trader/login/**", "/trader/login",
                                "/v/**", "/error", "/css/**", "/js/**", "/manifest.webmanifest", "/sw.js",
                                "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/markets",
                                "/api/v1/markets/*", "/api/v1/admin-units/**", "/api/v1/banks",
                                "/api/v1/demo/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/trader/**").hasRole("TRADER")
                        .requestMatchers("/admin/**", "/onboarding/**").hasRole("STAFF")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").addLogoutHandler(PageHeaders.clearSiteDataAtLogout()))
                .headers(PageHeaders::referrerAndPermissions)
                .httpBasic(Customizer.withDefaults())
                // Forms carry the token; API clients using basic auth on /api are machines, not browsers.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(SecurityErrors.apiEntryPoint(),
                        SecurityErrors::isApi).accessDeniedHandler(SecurityErrors::denied));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
