package vn.cho40.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;

/**
 * Spring Security's refusals, handed to the container's /error (ErrorPage), which words them in the user's language:
 * a page for a browser, problem+json for the API.
 */
final class SecurityErrors {

    private SecurityErrors() {
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    /**
     * An API request without a login: 401. No WWW-Authenticate challenge (as before): a page's script calling the API
     * must not make the browser ask for a password.
     */
    static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** 403, keeping the reason for ErrorPage: an expired form (CSRF) is told to reload, not that it lacks a right. */
    static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
