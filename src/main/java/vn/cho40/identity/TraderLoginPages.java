package vn.cho40.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.PhoneNumber;

/** Traders log in with their phone number and a one-time code by SMS: no password to forget. */
@Controller
class TraderLoginPages {

    private final OneTimeCodes codes;
    private final TraderDirectory traders;
    private final SmsSender sms;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TraderLoginPages(OneTimeCodes codes, TraderDirectory traders, SmsSender sms) {
        this.codes = codes;
        this.traders = traders;
        this.sms = sms;
    }

    @GetMapping("/trader/login")
    String phoneForm() {
        return "identity/trader-login";
    }

    @PostMapping("/trader/login/code")
    String sendCode(@RequestParam String phone, Model model) {
        Optional<String> normalized = PhoneNumber.normalize(phone);
        model.addAttribute("phone", phone);
        if (normalized.isEmpty()) {
            model.addAttribute("error", "trader.phone.invalid");
            return "identity/trader-login";
        }
        // The same answer whether or not the number belongs to a trader, so the form reveals nobody.
        if (traders.findByPhone(normalized.get()).isPresent()) {
            try {
                codes.send(OneTimeCodes.Purpose.TRADER_LOGIN, normalized.get());
            } catch (InvalidInputException e) {
                model.addAttribute("error", "otp.tooManySends");
                model.addAttribute("errorArg", e.violations().getFirst().args().getFirst());
                return "identity/trader-login";
            }
        }
        model.addAttribute("phone", normalized.get());
        model.addAttribute("codeSent", true);
        if (sms instanceof LogSmsSender log) {
            log.forScreen(normalized.get()).ifPresent(m -> model.addAttribute("demoSms", m));
        }
        return "identity/trader-login";
    }

    @PostMapping("/trader/login")
    String login(@RequestParam String phone, @RequestParam String code, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        String normalized = PhoneNumber.normalize(phone).orElse("");
        Optional<TraderDirectory.TraderIdentity> trader = traders.findByPhone(normalized);
        OneTimeCodes.Outcome outcome = trader.isEmpty() ? OneTimeCodes.Outcome.NONE
                : codes.verify(OneTimeCodes.Purpose.TRADER_LOGIN, normalized, code);
        if (outcome != OneTimeCodes.Outcome.ACCEPTED) {
            model.addAttribute("phone", normalized);
            model.addAttribute("codeSent", true);
            model.addAttribute("error", "otp." + outcome.name());
            return "identity/trader-login";
        }
        TraderDirectory.TraderIdentity t = trader.get();
        CurrentUser user = new CurrentUser("trader:" + t.traderId(), t.fullName(), Role.TRADER,
                Scope.trader(t.marketCodes()), t.traderId());
        Cho40Principal principal = new Cho40Principal(user, "", false);
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/home";
    }
}
