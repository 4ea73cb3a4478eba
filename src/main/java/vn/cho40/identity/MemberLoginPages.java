package vn.cho40.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Community technology team members without a staff login sign in with the phone their team registered and a
 * one-time code: a TECH_MEMBER of their commune, named {@code member:<id>} for the session.
 */
@Controller
class MemberLoginPages {

    private final PhoneCodeLogin login;
    private final Optional<MemberDirectory> members;

    MemberLoginPages(PhoneCodeLogin login, Optional<MemberDirectory> members) {
        this.login = login;
        this.members = members;
    }

    @GetMapping("/member/login")
    String phoneForm(Model model) {
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("smsOff", !login.available() || members.isEmpty());
        model.addAttribute("titleKey", "memberLogin.title");
        model.addAttribute("introKey", "memberLogin.intro");
        model.addAttribute("loginPath", "/member/login");
        return "identity/phone-login";
    }

    @PostMapping("/member/login/code")
    String sendCode(@RequestParam String phone, Model model) {
        if (login.available() && members.isPresent()) {
            login.sendCode(OneTimeCodes.Purpose.MEMBER_LOGIN, phone,
                    p -> members.get().findByPhone(p).isPresent(), model);
        }
        return page(model);
    }

    @PostMapping("/member/login")
    String login(@RequestParam String phone, @RequestParam String code, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        if (login.available() && members.isPresent() && login.logIn(OneTimeCodes.Purpose.MEMBER_LOGIN, phone, code,
                p -> members.get().findByPhone(p).map(m -> new CurrentUser(
                        MemberDirectory.USERNAME_PREFIX + m.memberId(), m.fullName(), Role.TECH_MEMBER,
                        Scope.of(Scope.Kind.COMMUNE, m.communeCode()), null)), model, request, response)) {
            return "redirect:/team-log";
        }
        return page(model);
    }
}
