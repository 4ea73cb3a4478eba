package vn.cho40.platform;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in staff member's name (or null) in every page's model, for menus and staff-only actions. */
@ControllerAdvice
class CurrentStaff {

    @ModelAttribute("staff")
    String staff(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
