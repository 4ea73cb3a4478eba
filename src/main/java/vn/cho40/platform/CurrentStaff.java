package vn.cho40.platform;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts who is logged in into every page's model, for menus: {@code staff} (a staff member's name, or null) and
 * {@code traderUser} (true for a trader, who gets the app's own menu instead of the staff pages).
 */
@ControllerAdvice
class CurrentStaff {

    @ModelAttribute("staff")
    String staff(Authentication auth) {
        return staffName(auth);
    }

    @ModelAttribute("traderUser")
    boolean trader(Authentication auth) {
        return isTrader(auth);
    }

    /** Also for error pages, which exception handlers render without the model attributes above. */
    static String staffName(Authentication auth) {
        return has(auth, "ROLE_STAFF") ? auth.getName() : null;
    }

    static boolean isTrader(Authentication auth) {
        return has(auth, "ROLE_TRADER");
    }

    private static boolean has(Authentication auth, String authority) {
        return auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
