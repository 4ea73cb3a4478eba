package vn.cho40.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * What went wrong, already in the user's language, before it is shaped for a browser (a page inside the layout) or
 * for a program (application/problem+json): the status, a title, what happened, what to do; for refused input each
 * field's message; a public page to go to instead (a market outside the user's area); the incident code of a fault.
 */
record ErrorAnswer(HttpStatus status, String type, String title, String detail, String hint,
                   List<Map<String, String>> errors, String publicPage, String incident) {

    ErrorAnswer withDetail(String newDetail) {
        return new ErrorAnswer(status, type, title, newDetail, hint, errors, publicPage, incident);
    }

    ErrorAnswer withTitle(String newTitle) {
        return new ErrorAnswer(status, type, newTitle, detail, hint, errors, publicPage, incident);
    }

    ErrorAnswer withHint(String newHint) {
        return new ErrorAnswer(status, type, title, detail, newHint, errors, publicPage, incident);
    }

    ErrorAnswer withType(String newType) {
        return new ErrorAnswer(status, newType, title, detail, hint, errors, publicPage, incident);
    }

    ErrorAnswer withErrors(List<Map<String, String>> newErrors) {
        return new ErrorAnswer(status, type, title, detail, hint, List.copyOf(newErrors), publicPage, incident);
    }

    ErrorAnswer withPublicPage(String path) {
        return new ErrorAnswer(status, type, title, detail, hint, errors, path, incident);
    }

    ErrorAnswer withIncident(String code) {
        return new ErrorAnswer(status, type, title, detail, hint, errors, publicPage, code);
    }
}
