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

    private PageHeaders() {
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
