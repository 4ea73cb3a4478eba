package vn.cho40.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * CSRF for the API as for the forms, except for machines. A browser's session cookie authenticated API writes
 * without a token, guarded by SameSite=Lax alone, which a same-site page or an old browser gets past (security
 * review part 1 #12). Now a write to /api/** carried by the session cookie needs the page's CSRF token in
 * {@code X-CSRF-TOKEN} (or {@code X-XSRF-TOKEN}); a request that brings its own HTTP Basic credentials needs none:
 * it is stateless, and a page on another site cannot make a browser send an Authorization header (that takes a
 * CORS preflight, which this server never grants).
 */
final class ApiCsrf {

    static final String XSRF_HEADER = "X-XSRF-TOKEN";

    private ApiCsrf() {
    }

    static void sessionsOnly(CsrfConfigurer<HttpSecurity> csrf) {
        // Without a session cookie there is no ambient credential to forge: the write is answered 401 like any
        // anonymous one, not refused for a missing token.
        RequestMatcher machine = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && (hasBasicCredentials(request) || request.getRequestedSessionId() == null);
        csrf.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                        && !machine.matches(request))
                .csrfTokenRequestHandler(new EitherHeader());
    }

    private static boolean hasBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The page's (masked) token from X-CSRF-TOKEN, X-XSRF-TOKEN or the form field, as scripts send it. */
    private static final class EitherHeader implements CsrfTokenRequestHandler {

        private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                           Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            String xsrf = request.getHeader(XSRF_HEADER);
            if (xsrf == null || request.getHeader(token.getHeaderName()) != null) {
                return masked.resolveCsrfTokenValue(request, token);
            }
            // Read as if it came in the usual header, so it is unmasked the same way.
            return masked.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {
                @Override
                public String getHeader(String name) {
                    return name.equalsIgnoreCase(token.getHeaderName()) ? xsrf : super.getHeader(name);
                }
            }, token);
        }
    }
}
