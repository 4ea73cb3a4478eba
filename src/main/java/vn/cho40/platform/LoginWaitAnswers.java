package vn.cho40.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a throttled login ({@link LoginWait}) is told when to try again: the login form shows the wait (Vietnamese
 * first, LoginPage), HTTP Basic gets 429 with Retry-After and a problem detail. Every other failure is answered as
 * before, so a wrong password and an unknown name still look the same.
 */
final class LoginWaitAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoginWaitAnswers() {
    }

    static AuthenticationFailureHandler form() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof LoginWait w ? "/login?error&wait=" + w.seconds() : "/login?error"));
    }

    static AuthenticationEntryPoint basic(MessageSource messages, LocaleResolver locales) {
        BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();
        challenge.setRealmName("Realm"); // Spring's default realm, as before
        return (request, response, e) -> {
            if (e instanceof LoginWait w) {
                tooManyTries(request, response, w, messages, locales);
            } else {
                challenge.commence(request, response, e);
            }
        };
    }

    private static void tooManyTries(HttpServletRequest request, HttpServletResponse response, LoginWait w,
                                     MessageSource messages, LocaleResolver locales) throws IOException {
        var locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://cho40.vn/problems/login-wait");
        problem.put("title", messages.getMessage("error.loginWait.title", null, locale));
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", messages.getMessage("error.loginWait.detail", new Object[] {w.seconds()}, locale));
        problem.put("instance", request.getRequestURI());
        problem.put("retryAfterSeconds", w.seconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(w.seconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
