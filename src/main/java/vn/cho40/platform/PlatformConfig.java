package vn.cho40.platform;

import java.time.Clock;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Vietnamese first: every visitor starts in Vietnamese and switches with ?lang=en, kept in a cookie. */
@Configuration(proxyBeanMethods = false)
class PlatformConfig implements WebMvcConfigurer {

    /**
     * The scheduled jobs (issuing, sending, reminders, freezes) belong to the servers: a command such as
     * {@code ./cho40 import} starts the platform without a web server and must not start them beside its work.
     */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    @org.springframework.scheduling.annotation.EnableScheduling
    static class Jobs {
    }

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("cho40_lang");
        resolver.setDefaultLocale(VIETNAMESE);
        // Pages are Vietnamese until the visitor switches, whatever the browser says; API clients (and clients
        // that prefer JSON) that send Accept-Language: en get English problem messages, also once forwarded to /error.
        resolver.setDefaultLocaleFunction(request -> {
            String accept = request.getHeader("Accept-Language");
            boolean api = Requests.wantsProblem(request);
            return api && accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                    : VIETNAMESE;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
