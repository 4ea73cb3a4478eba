package vn.cho40.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Errors the container forwards to /error (Spring Boot's BasicErrorController steps back for this bean): Spring
 * Security's 401 and 403, and exceptions no handler answered (500, with an incident code that is in the log next to
 * the stack trace; the user sees neither). /error asked for directly is "not found", never status 999.
 */
@Controller
class ErrorPage implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

    private final ErrorAnswers answers;

    ErrorPage(ErrorAnswers answers) {
        this.answers = answers;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Integer code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer c ? c : null;
        HttpStatusCode status = code == null ? HttpStatus.NOT_FOUND : HttpStatusCode.valueOf(code);
        ErrorAnswer answer = answers.forStatus(status);
        if (status.value() == 401 && request.getHeader("Authorization") != null) {
            answer = answer.withDetail(answers.text("error.status.401.wrongLogin"));
        } else if (status.value() == 403 && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            answer = answer.withTitle(answers.text("error.status.403.csrfTitle"))
                    .withDetail(answers.text("error.status.403.csrf"))
                    .withHint(answers.text("error.status.403.csrfHint"));
        } else if (status.is5xxServerError()) {
            String incident = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            log.error("Sự cố {} (incident): {} {}", incident, request.getMethod(), Requests.originalPath(request),
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null);
            answer = answer.withIncident(incident);
            dropFlashMessages(request);
        }
        return ErrorReplies.reply(request, answer);
    }

    /**
     * The messages a failed request left for the page after its redirect: that page will not come, and a value the
     * session cannot store (it is saved in the database) would fail this answer too, leaving the user a blank page.
     */
    private static void dropFlashMessages(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        }
    }
}
