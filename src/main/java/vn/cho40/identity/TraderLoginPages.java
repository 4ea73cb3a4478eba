package vn.cho40.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Traders log in with their phone number and a one-time code by SMS: no password to forget. */
@Controller
class TraderLoginPages {

    private final PhoneCodeLogin login;
    private final TraderDirectory traders;

    TraderLoginPages(PhoneCodeLogin login, TraderDirectory traders) {
        this.login = login;
        this.traders = traders;
    }

    @GetMapping("/trader/login")
    String phoneForm(Model model) {
        return page(model);
    }

    /** The login page; without an SMS gateway it only says that login by code is off here, and whom to ask. */
    private String page(Model model) {
        model.addAttribute("smsOff", !login.available());
        model.addAttribute("titleKey", "traderLogin.title");
        model.addAttribute("loginPath", "/trader/login");
        return "identity/phone-login";
    }

    @PostMapping("/trader/login/code")
    String sendCode(@RequestParam String phone, Model model) {
        if (login.available()) {
            login.sendCode(OneTimeCodes.Purpose.TRADER_LOGIN, phone, p -> traders.findByPhone(p).isPresent(), model);
        }
        return page(model);
    }

    @PostMapping("/trader/login")
    String login(@RequestParam String phone, @RequestParam String code, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        // The trader page asked for before logging in (a bill's link), where the login then goes.
        var asked = new org.springframework.security.web.savedrequest.HttpSessionRequestCache().getRequest(request, response);
        String back = asked == null ? null : java.net.URI.create(asked.getRedirectUrl()).getRawPath();
        if (login.available() && login.logIn(OneTimeCodes.Purpose.TRADER_LOGIN, phone, code,
                p -> traders.findByPhone(p).map(t -> new CurrentUser("trader:" + t.traderId(), t.fullName(),
                        Role.TRADER, Scope.trader(t.marketCodes()), t.traderId())), model, request, response)) {
            return back != null && back.startsWith("/trader/") && !back.startsWith("/trader/login")
                    ? "redirect:" + back : "redirect:/home";
        }
        return page(model);
    }
}
