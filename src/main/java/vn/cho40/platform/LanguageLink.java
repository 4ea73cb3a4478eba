package vn.cho40.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The other language's link keeps the page as it is shown: the same path and query (the month, the stall, the
 * filters) with only {@code lang} changed. {@code langBase} ends in "lang=" for the layout to add the code to; a page
 * answering a form (POST) links to its path alone.
 */
@ControllerAdvice
class LanguageLink {

    @ModelAttribute("langBase")
    String langBase(HttpServletRequest request) {
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        String here = UriComponentsBuilder.fromPath(request.getRequestURI()).query(query).replaceQueryParam("lang")
                .build().toUriString();
        return here + (here.contains("?") ? "&" : "?") + "lang=";
    }
}
