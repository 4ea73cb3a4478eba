package vn.cho40.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Public: the market directory and its JSON, API docs, the trader login and sign verification (health: see
 * OperatorSecurity).
 * Staff pages need a staff login, trader pages a trader login; finer rules (scope, role) are checked by
 * each module through identity's Access.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Payment providers never reach this chain: their webhooks are answered in front of the servlets (payment). */
    @Bean
    // Commands without a web server (./cho40 import) have no HTTP security to build.
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    SecurityFilterChain web(HttpSecurity http, MessageSource messages, LocaleResolver locales) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/markets", "/markets/*", "/login", "/trader/login/**", "/trader/login",
                                "/member/login", "/member/login/**",
                                "/v/**", "/error", "/css/**", "/js/**", "/manifest.webmanifest", "/sw.js",
                                "/img/**", "/webjars/**", "/favicon.ico", "/tra-cuu", "/tra-cuu/*", "/lookup",
                                // the storefront of local products, its marketplace feeds and sitemap (catalogue)
                                "/dac-san", "/dac-san/**", "/feeds/**", "/sitemap.xml").permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/markets",
                                "/api/v1/markets/*", "/api/v1/admin-units/**", "/api/v1/banks",
                                "/api/v1/open-data/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/trader/**").hasRole("TRADER")
                        .requestMatchers("/admin/**", "/onboarding/**").hasRole("STAFF")
                        .anyRequest().authenticated())
                // Every login lands on its own start page (a page asked for before logging in still wins).
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/home").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").addLogoutHandler(PageHeaders.clearSiteDataAtLogout()))
                .headers(PageHeaders::referrerAndPermissions)
                .httpBasic(Customizer.withDefaults())
                // Forms and session-cookie API writes carry the token; HTTP Basic clients on /api are machines.
                .csrf(ApiCsrf::sessionsOnly)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(SecurityErrors.apiEntryPoint(),
                        SecurityErrors::isApi)
                        // A trader's link (a bill from a notice) opened logged out goes to the phone login, not the staff one.
                        .defaultAuthenticationEntryPointFor(
                                new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(
                                        "/trader/login"),
                                r -> r.getRequestURI().startsWith(r.getContextPath() + "/trader/"))
                        .accessDeniedHandler(SecurityErrors::denied));
        publicSurface(http, messages, locales);
        return http.build();
    }

    /**
     * What a visitor's browser is told (CSP, HSTS) and how a throttled login hears when to try again; kept apart
     * from the access rules above. The actuator has a chain of its own (OperatorSecurity).
     */
    private static void publicSurface(HttpSecurity http, MessageSource messages, LocaleResolver locales)
            throws Exception {
        http.headers(PageHeaders::contentSecurity)
                .formLogin(form -> form.failureHandler(LoginWaitAnswers.form()))
                .httpBasic(basic -> basic.authenticationEntryPoint(LoginWaitAnswers.basic(messages, locales)));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
