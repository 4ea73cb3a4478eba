package vn.cho40.platform;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * A login refused before its password is checked, because this source address has guessed too often (identity's
 * login throttle). It says how long to wait, and it is not about the account: the same name from another address
 * is checked as usual. An account-status exception, so no other authentication provider is tried after it.
 */
public final class LoginWait extends AccountStatusException {

    private final Duration retryAfter;

    public LoginWait(Duration retryAfter) {
        super("too many failed logins from this source; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: what Retry-After and the messages say. */
    public long seconds() {
        return Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds());
    }
}
