package vn.cho40.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shapes an {@link ErrorAnswer} for whoever asked: application/problem+json for the API and for clients that prefer
 * JSON, otherwise the page error/problem inside the layout, with the signed-in user's menu, name and logout.
 */
final class ErrorReplies {

    static final String PROBLEM_TYPES = "https://cho40.vn/problems/";

    private ErrorReplies() {
    }

    /** A ResponseEntity (problem+json) or a ModelAndView (page): both are what a handler may return. */
    static Object reply(HttpServletRequest request, ErrorAnswer answer) {
        return Requests.wantsProblem(request) ? problem(request, answer) : page(answer);
    }

    static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, ErrorAnswer a) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(a.status(), a.detail());
        p.setTitle(a.title());
        p.setType(URI.create(PROBLEM_TYPES + a.type()));
        p.setInstance(instance(request));
        if (!a.errors().isEmpty()) {
            p.setProperty("errors", a.errors());
        }
        p.setProperty("hint", a.hint());
        if (a.publicPage() != null) {
            p.setProperty("publicPage", a.publicPage());
        }
        if (a.incident() != null) {
            p.setProperty("incident", a.incident());
        }
        // Set here, not negotiated: a problem is problem+json whatever the client's Accept says.
        return ResponseEntity.status(a.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static ModelAndView page(ErrorAnswer a) {
        ModelAndView mav = new ModelAndView("error/problem");
        mav.setStatus(a.status());
        mav.addObject("problem", a);
        // Exception handlers get no @ModelAttribute values: the layout's user comes from here.
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        mav.addObject("staff", CurrentStaff.staffName(auth));
        mav.addObject("traderUser", CurrentStaff.isTrader(auth));
        return mav;
    }

    /** The path asked for (not /error); none when the client sent one that is no URI. */
    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(Requests.originalPath(request));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
