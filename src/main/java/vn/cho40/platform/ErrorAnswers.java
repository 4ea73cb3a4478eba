package vn.cho40.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import vn.cho40.shared.OutsideArea;
import vn.cho40.shared.Violation;

/**
 * The words of every error, from the message bundles in the user's language (Vietnamese unless they chose
 * English): never an exception's own message, which may name classes, SQL or internals.
 */
@Component
class ErrorAnswers {

    /** Statuses with words of their own (error.status.N.*); other 4xx share "4xx", other 5xx use 500's. */
    private static final Set<Integer> WORDED = Set.of(400, 401, 403, 404, 405, 406, 413, 415, 422, 500, 503);
    private static final Map<Integer, String> TYPES = Map.ofEntries(Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"), Map.entry(413, "too-large"),
            Map.entry(415, "unsupported-media-type"), Map.entry(422, "invalid-input"), Map.entry(500, "server-error"),
            Map.entry(503, "unavailable"));

    private final MessageSource messages;

    ErrorAnswers(MessageSource messages) {
        this.messages = messages;
    }

    /** What a status alone means and what to do about it. */
    ErrorAnswer forStatus(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null || status.value() < 400) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        int value = status.value();
        String words = "error.status." + (WORDED.contains(value) ? String.valueOf(value) : value < 500 ? "4xx" : "500");
        return new ErrorAnswer(status, TYPES.getOrDefault(value, "status-" + value), text(words + ".title"),
                text(words + ".detail"), text(words + ".hint"), List.of(), null, null);
    }

    /** Refused input: each field's message, all of them together as the detail. */
    ErrorAnswer invalid(HttpStatus status, String type, String titleKey, List<Violation> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(v -> Map.of("field", v.field(), "message", text(v.messageKey(), v.args().toArray())))
                .toList();
        return forStatus(status).withType(type).withTitle(text(titleKey))
                .withDetail(String.join(" ", errors.stream().map(m -> m.get("message")).toList()))
                .withErrors(errors);
    }

    /** A value the server could not read (a path segment, a parameter, the body, a file). */
    ErrorAnswer unreadable(String field) {
        return invalid(HttpStatus.BAD_REQUEST, "unreadable", "error.unreadable.title",
                List.of(Violation.of(field, "error.unreadable.detail", field)));
    }

    ErrorAnswer notFound(String messageKey, List<Object> args) {
        return forStatus(HttpStatus.NOT_FOUND).withDetail(text(messageKey, args.toArray()));
    }

    ErrorAnswer denied() {
        return forStatus(HttpStatus.FORBIDDEN).withDetail(text("error.denied.detail"));
    }

    /** A public thing outside the staff member's area: said so, with its public page. */
    ErrorAnswer outsideArea(OutsideArea e) {
        return forStatus(HttpStatus.FORBIDDEN).withType("outside-area").withTitle(text("error.outsideArea.title"))
                .withDetail(text(e.outsideKey(), e.args().toArray())).withHint(text("error.outsideArea.hint"))
                .withPublicPage(e.publicPath());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
