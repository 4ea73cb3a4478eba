package vn.cho40.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

    private final MessageSource messages;

    LoginPage(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code wait}: seconds this source must wait after too many wrong passwords (LoginWaitAnswers). */
    @GetMapping("/login")
    String login(@RequestParam(required = false) Long wait, Model model, Locale locale) {
        if (wait != null && wait > 0) {
            model.addAttribute("waitText", waitText(Math.min(wait, 86_400), locale));
        }
        return "login";
    }

    /** Seconds below a minute, else whole minutes rounded up: "45 giây", "3 phút". */
    private String waitText(long seconds, Locale locale) {
        return seconds < 60 ? messages.getMessage("login.wait.seconds", new Object[] {seconds}, locale)
                : messages.getMessage("login.wait.minutes", new Object[] {(seconds + 59) / 60}, locale);
    }
}
