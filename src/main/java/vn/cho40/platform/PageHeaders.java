package vn.cho40.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/** Response headers that keep what a page knows on the phone: added to the one security chain (SecurityConfig). */
final class PageHeaders {

    /**
     * Only the QR and CCCD scanners use a device feature (the camera, on our own pages); the rest is off, so an
     * injected script or frame cannot ask for them.
     */
    static final String PERMISSIONS = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
            + "hid=()";

    /**
     * Scripts, styles, fonts, workers and connections (htmx, the trader's event stream) only from the platform
     * itself, and no inline script or style at all (templates and static files carry none; htmx's own indicator
     * style is switched off in layout.html and kept in app.css), so injected markup cannot run or restyle anything.
     * Images also from {@code data:} and {@code blob:} (QR images made in the page, camera captures), sound from
     * the platform (/audio/vi, the recorded words). No plugins, no framing, no foreign base or form target.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self'; connect-src 'self'; font-src 'self'; "
            + "worker-src 'self'; manifest-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";
    /**
     * Swagger UI (its WebJar, /swagger-ui) injects one style element of its own; allowed by its hash, on those pages
     * only, so everything else keeps the strict policy. Another Swagger UI version may inject another style: the
     * page still works without it, and ContentSecurityBrowserIT says which hash to put here.
     */
    static final String API_DOCS_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");
    /** A year, as browsers' preload rules expect; subdomains not included: other services may share the domain. */
    static final long HSTS_SECONDS = 31_536_000;

    private PageHeaders() {
    }

    /**
     * The Content-Security-Policy on every answer, and HSTS on every answer to a request seen as HTTPS (directly,
     * or behind the TLS proxy when CHO40_HTTPS turns forward headers on: HttpsSettings).
     */
    static void contentSecurity(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
                        request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/") ? API_DOCS_POLICY
                                : CONTENT_SECURITY_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(false));
    }

    /**
     * same-origin: our URLs carry verification codes, trader and market ids ({@code /v/{code}},
     * {@code /admin/traders/{id}}) and no page needs another site to know where a visitor came from;
     * strict-origin-when-cross-origin would still hand our host name to every site a link leads to.
     */
    static void referrerAndPermissions(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS));
    }

    /**
     * Phones are shared: at logout the browser drops this site's cache and storage (the service worker's cached
     * trader page and QR included; app.js registers the worker again on the next trader page). Written on every
     * logout, not only on HTTPS requests as Spring's ClearSiteDataHeaderWriter does: behind the TLS proxy the
     * request reaches us as plain HTTP. Browsers apply it on secure origins only (HTTPS and localhost).
     */
    static LogoutHandler clearSiteDataAtLogout() {
        return new HeaderWriterLogoutHandler(new StaticHeadersWriter("Clear-Site-Data", "\"cache\", \"storage\""));
    }
}
