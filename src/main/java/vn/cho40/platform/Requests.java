package vn.cho40.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Who asked: a program (the API, or anything that prefers JSON) or a browser; also while an error is forwarded. */
final class Requests {

    private Requests() {
    }

    /** The path the client asked for: during the container's forward to /error, the original one. */
    static String originalPath(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
    }

    /** API paths and requests whose Accept ranks JSON above HTML get problem+json; everyone else a page. */
    static boolean wantsProblem(HttpServletRequest request) {
        return originalPath(request).startsWith("/api/") || prefersJson(request.getHeader("Accept"));
    }

    /** JSON ranked above HTML (by quality, then by order); a bare wildcard prefers neither. */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double json = 0;
        double html = 0;
        int jsonAt = Integer.MAX_VALUE;
        int htmlAt = Integer.MAX_VALUE;
        for (int i = 0; i < types.size(); i++) {
            MediaType t = types.get(i);
            double q = t.getQualityValue();
            if (isJson(t) && q > json) {
                json = q;
                jsonAt = i;
            }
            if (isHtml(t) && q > html) {
                html = q;
                htmlAt = i;
            }
        }
        return json > html || (json > 0 && json == html && jsonAt < htmlAt);
    }

    private static boolean isJson(MediaType t) {
        return "application".equals(t.getType())
                && ("json".equals(t.getSubtype()) || t.getSubtype().endsWith("+json"));
    }

    private static boolean isHtml(MediaType t) {
        return MediaType.TEXT_HTML.equalsTypeAndSubtype(t) || MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(t);
    }
}
