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

    /**
     * Machines that authenticate by signature (payment providers; the benchmark's baseline): no session, no
     * CSRF, no login, so thousands a second cost little. The signature is checked in the payment module.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain machines(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**", "/bench/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .anonymous(anonymous -> anonymous.disable())
                // Providers read a status and a small JSON answer: no browser headers, no logout on this chain.
                .headers(headers -> headers.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
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
}
