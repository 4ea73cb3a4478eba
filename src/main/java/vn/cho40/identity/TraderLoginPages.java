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
    String phoneForm(Model model) {
        return page(model);
    }

    /** The login page; without an SMS gateway it only says that login by code is off here, and whom to ask. */
    private String page(Model model) {
        model.addAttribute("smsOff", !sms.available());
        return "identity/trader-login";
    }

    @PostMapping("/trader/login/code")
    String sendCode(@RequestParam String phone, Model model) {
        if (!sms.available()) {
            return page(model);
        }
        Optional<String> normalized = PhoneNumber.normalize(phone);
        model.addAttribute("phone", phone);
        if (normalized.isEmpty()) {
            model.addAttribute("error", "trader.phone.invalid");
            return page(model);
        }
        // The same answer whether or not the number belongs to a trader, so the form reveals nobody: an unknown
        // number gets a code no phone receives, which counts against the same send limit.
        try {
            if (traders.findByPhone(normalized.get()).isPresent()) {
                codes.send(OneTimeCodes.Purpose.TRADER_LOGIN, normalized.get());
            } else {
                codes.sendDecoy(OneTimeCodes.Purpose.TRADER_LOGIN, normalized.get());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("error", "otp.tooManySends");
            model.addAttribute("errorArg", e.violations().getFirst().args().getFirst());
            return page(model);
        }
        model.addAttribute("phone", normalized.get());
        model.addAttribute("codeSent", true);
        if (sms instanceof LogSmsSender log) {
            log.forScreen(normalized.get()).ifPresent(m -> model.addAttribute("demoSms", m));
        }
        return page(model);
    }

    @PostMapping("/trader/login")
    String login(@RequestParam String phone, @RequestParam String code, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        if (!sms.available()) {
            return page(model);
        }
        String normalized = PhoneNumber.normalize(phone).orElse("");
        Optional<TraderDirectory.TraderIdentity> trader = traders.findByPhone(normalized);
        // Every number is checked against its latest code, decoys included, so tries run out the same way.
        OneTimeCodes.Outcome outcome = codes.verify(OneTimeCodes.Purpose.TRADER_LOGIN, normalized, code);
        if (outcome != OneTimeCodes.Outcome.ACCEPTED || trader.isEmpty()) {
            model.addAttribute("phone", normalized);
            model.addAttribute("codeSent", true);
            // "No code" and "wrong code" share one message: "no code" meant the number was nobody's.
            model.addAttribute("error", switch (outcome) {
                case EXPIRED, TOO_MANY_TRIES -> "otp." + outcome.name();
                case WRONG, NONE, ACCEPTED -> "traderLogin.codeRefused";
            });
            return page(model);
        }
        TraderDirectory.TraderIdentity t = trader.get();
        CurrentUser user = new CurrentUser("trader:" + t.traderId(), t.fullName(), Role.TRADER,
                Scope.trader(t.marketCodes()), t.traderId());
        Cho40Principal principal = new Cho40Principal(user, "");
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
