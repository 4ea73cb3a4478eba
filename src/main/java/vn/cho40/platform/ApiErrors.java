package vn.cho40.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.cho40.shared.AccessDenied;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/**
 * Every API error as a ProblemDetail whose detail says, in the caller's language, what to fix. Field
 * problems are listed under "errors" with the field they concern.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "error.invalid.title", e.violations());
    }

    @ExceptionHandler(AccessDenied.class)
    ProblemDetail denied(AccessDenied e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("error.denied.detail"));
        p.setTitle(text("error.denied.title"));
        p.setType(URI.create("https://cho40.vn/problems/forbidden"));
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                text(e.messageKey(), e.args().toArray()));
        p.setTitle(text("error.notFound.title"));
        p.setType(URI.create("https://cho40.vn/problems/not-found"));
        return p;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            org.springframework.web.multipart.MultipartException.class})
    ProblemDetail unreadable(Exception e) {
        String field = switch (e) {
            case MethodArgumentTypeMismatchException m -> m.getName();
            case MissingServletRequestParameterException m -> m.getParameterName();
            case MissingServletRequestPartException m -> m.getRequestPartName();
            default -> "body";
        };
        return problem(HttpStatus.BAD_REQUEST, "unreadable", "error.unreadable.title",
                List.of(Violation.of(field, "error.unreadable.detail", field)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "error.invalid.title",
                List.of(Violation.of("file", "import.file.tooLarge")));
    }

    private ProblemDetail problem(HttpStatus status, String type, String titleKey, List<Violation> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(v -> Map.of("field", v.field(), "message", text(v.messageKey(), v.args().toArray())))
                .toList();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
                String.join(" ", errors.stream().map(m -> m.get("message")).toList()));
        p.setTitle(text(titleKey));
        p.setType(URI.create("https://cho40.vn/problems/" + type));
        p.setProperty("errors", errors);
        return p;
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
