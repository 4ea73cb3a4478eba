package vn.cho40.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import vn.cho40.shared.AccessDenied;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;

/** Errors on web pages: a page in the visitor's language that says what happened and where to go. */
@ControllerAdvice
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, text(e.messageKey(), e.args().toArray()));
    }

    @ExceptionHandler(AccessDenied.class)
    ModelAndView denied(AccessDenied e) {
        return page(HttpStatus.FORBIDDEN, text("error.denied.detail"));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        String detail = String.join(" ", e.violations().stream()
                .map(v -> text(v.messageKey(), v.args().toArray())).toList());
        return page(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, text("error.unreadable.detail", e.getName()));
    }

    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class})
    ModelAndView missing(Exception e) {
        return page(HttpStatus.BAD_REQUEST, text("error.unreadable.detail", "file"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return page(HttpStatus.CONTENT_TOO_LARGE, text("import.file.tooLarge"));
    }

    private ModelAndView page(HttpStatus status, String detail) {
        ModelAndView mav = new ModelAndView("error/problem");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("detail", detail);
        return mav;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
