package vn.cho40.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.PhoneNumber;

/**
 * Login with a phone number and a one-time code by SMS, shared by traders and team members: the same answer whether
 * or not the number belongs to anyone (an unknown number gets a code no phone receives, counted against the same
 * limit), and every number checked against its latest code, decoys included, so tries run out the same way.
 */
@Component
class PhoneCodeLogin {

    private final OneTimeCodes codes;
    private final SmsSender sms;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PhoneCodeLogin(OneTimeCodes codes, SmsSender sms) {
        this.codes = codes;
        this.sms = sms;
    }

    boolean available() {
        return sms.available();
    }

    /** Sends a code (or a decoy); fills the model for the page. */
    void sendCode(OneTimeCodes.Purpose purpose, String phone, Function<String, Boolean> known, Model model) {
        Optional<String> normalized = PhoneNumber.normalize(phone);
        model.addAttribute("phone", phone);
        if (normalized.isEmpty()) {
            model.addAttribute("error", "trader.phone.invalid");
            return;
        }
        try {
            if (known.apply(normalized.get())) {
                codes.send(purpose, normalized.get());
            } else {
                codes.sendDecoy(purpose, normalized.get());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("error", "otp.tooManySends");
            model.addAttribute("errorArg", e.violations().getFirst().args().getFirst());
            return;
        }
        model.addAttribute("phone", normalized.get());
        model.addAttribute("codeSent", true);
        if (sms instanceof LogSmsSender log) {
            log.forScreen(normalized.get()).ifPresent(m -> model.addAttribute("demoSms", m));
        }
    }

    /**
     * Checks the code; on success signs in the user the directory gives for the number and answers true, otherwise
     * fills the model with one message for a wrong code and a number that is nobody's.
     */
    boolean logIn(OneTimeCodes.Purpose purpose, String phone, String code, Function<String, Optional<CurrentUser>> who,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        String normalized = PhoneNumber.normalize(phone).orElse("");
        Optional<CurrentUser> user = who.apply(normalized);
        OneTimeCodes.Outcome outcome = codes.verify(purpose, normalized, code);
        if (outcome != OneTimeCodes.Outcome.ACCEPTED || user.isEmpty()) {
            model.addAttribute("phone", normalized);
            model.addAttribute("codeSent", true);
            // "No code" and "wrong code" share one message: "no code" meant the number was nobody's.
            model.addAttribute("error", switch (outcome) {
                case EXPIRED, TOO_MANY_TRIES -> "otp." + outcome.name();
                case WRONG, NONE, ACCEPTED -> "traderLogin.codeRefused";
            });
            return false;
        }
        Cho40Principal principal = new Cho40Principal(user.get(), "");
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return true;
    }
}
