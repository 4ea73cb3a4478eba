package vn.cho40.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The other language's link keeps the page as it is shown: the same path and query (the month, the stall, the
 * filters) with only {@code lang} changed. {@code langBase} ends in "lang=" for the layout to add the code to; a page
 * answering a form (POST) links to its path alone.
 */
@ControllerAdvice
class LanguageLink {

    @ModelAttribute("langBase")
    String langBase(HttpServletRequest request) {
        var uri = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang");
        if (!"GET".equals(request.getMethod())) {
            uri.replaceQuery(null);
        }
        String here = uri.build().toUriString();
        String path = here.substring(here.indexOf('/', here.indexOf("//") + 2));
        return path + (path.contains("?") ? "&" : "?") + "lang=";
    }
}
