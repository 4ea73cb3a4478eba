package vn.cho40.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.cho40.shared.AccessDenied;
import vn.cho40.shared.NotFoundException;

/**
 * The scope and permission checks every module applies. Out of scope is reported as not found, so a board
 * of market A cannot even learn that something of market B exists; markets themselves are public, so a module may
 * tell a staff member that one lies outside their area ({@link #staffOutside}).
 */
@Component
public class Access {

    public Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Cho40Principal p) {
            return Optional.of(p.user());
        }
        return Optional.empty();
    }

    public CurrentUser require() {
        return current().orElseThrow(() -> new AccessDenied(Permission.OWN_DATA.name()));
    }

    /** Throws not-found when the place is outside the user's scope, access-denied when the role may not act. */
    public CurrentUser check(MarketPlace place, Permission permission, String notFoundKey, Object... args) {
        CurrentUser user = require();
        if (!user.scope().covers(place)) {
            throw new NotFoundException(notFoundKey, args);
        }
        if (permission != null && !user.may(permission)) {
            throw new AccessDenied(permission.name());
        }
        return user;
    }

    /**
     * Whether a staff member is logged in and the place lies outside their area: for public things (a market), which
     * may be called outside the user's area rather than not found. Traders and visitors: false.
     */
    public boolean staffOutside(MarketPlace place) {
        return current().filter(u -> u.role().isStaff()).map(u -> !u.scope().covers(place)).orElse(false);
    }

    public CurrentUser requirePermission(Permission permission) {
        CurrentUser user = require();
        if (!user.may(permission)) {
            throw new AccessDenied(permission.name());
        }
        return user;
    }
}
