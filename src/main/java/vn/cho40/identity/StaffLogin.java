package vn.cho40.identity;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import vn.cho40.platform.LoginWait;

/**
 * Staff password login (form and HTTP Basic): the throttle is asked before the password is checked, and told of
 * each failure and success, under the normalised username (the spelling the lookup uses, so a trailing space or
 * U+3000 counts with the name) and the request's source address (behind a proxy, the forwarded one when
 * forward headers are on, CHO40_HTTPS). An unknown name and a wrong password fail alike and count alike.
 */
@Component
class StaffLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    StaffLogin(StaffUsers users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = StaffUsernames.normalize(String.valueOf(attempt.getName()));
        String source = LoginThrottle.source(attempt.getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null);
        Duration wait = throttle.waitFor(username, source);
        if (wait.isPositive()) {
            throw new LoginWait(wait);
        }
        try {
            Authentication ok = passwords.authenticate(attempt);
            throttle.succeeded(username, source);
            return ok;
        } catch (BadCredentialsException e) {
            throttle.failed(username, source);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
