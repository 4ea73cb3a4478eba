package vn.cho40.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.cho40.shared.AccessDenied;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.OutsideArea;
import vn.cho40.shared.Violation;

/**
 * Every error raised while a request is handled, pages and API alike, answered in the user's language: a page in the
 * layout for a browser, problem+json for the API (ErrorReplies decides by the request, not by the controller).
 * Anything unexpected is left to the container, which forwards it to {@link ErrorPage} as a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorAdvice {

    private final ErrorAnswers answers;

    ErrorAdvice(ErrorAnswers answers) {
        this.answers = answers;
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        return ErrorReplies.reply(request, answers.invalid(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input",
                "error.invalid.title", e.violations()));
    }

    @ExceptionHandler(AccessDenied.class)
    Object denied(AccessDenied e, HttpServletRequest request) {
        return ErrorReplies.reply(request, answers.denied());
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return ErrorReplies.reply(request, answers.notFound(e.messageKey(), e.args()));
    }

    /** Told "outside your area" only where the address names the thing; through anything else it is not found. */
    @ExceptionHandler(OutsideArea.class)
    Object outsideArea(OutsideArea e, HttpServletRequest request) {
        return e.namedBy(Requests.originalPath(request)) ? ErrorReplies.reply(request, answers.outsideArea(e))
                : notFound(e, request);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, TypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MultipartException.class})
    Object unreadable(Exception e, HttpServletRequest request) {
        String field = switch (e) {
            case TypeMismatchException m -> m.getPropertyName() == null ? "value" : m.getPropertyName();
            case MissingServletRequestParameterException m -> m.getParameterName();
            case MissingServletRequestPartException m -> m.getRequestPartName();
            case MultipartException m -> "file";
            default -> "body";
        };
        return ErrorReplies.reply(request, answers.unreadable(field));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return ErrorReplies.reply(request, answers.invalid(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                "error.status.413.title", List.of(Violation.of("file", "import.file.tooLarge"))));
    }

    /**
     * Spring MVC's own refusals (no such page 404, wrong method 405, unsupported type 415, ...) by their status, in
     * our words, with their headers (Allow). Anything else, and anything once the response has begun (an event
     * stream), is thrown on: the container turns it into a 500 through ErrorPage, Spring Security's exceptions reach
     * its filters.
     */
    @ExceptionHandler(Exception.class)
    Object other(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!(e instanceof ErrorResponse refusal) || response.isCommitted()) {
            throw e;
        }
        refusal.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        ErrorAnswer answer = answers.forStatus(refusal.getStatusCode());
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            answer = answer.withDetail(answers.text("error.status.405.detail", m.getMethod()));
        }
        return ErrorReplies.reply(request, answer);
    }
}
