package vn.cho40.platform;

/**
 * The platform will not start, for a reason the operator can fix: the message says why and the action what to
 * do, each in Vietnamese then English. Reported by {@link StartRefusedAnalyzer} without a stack trace.
 */
public class StartRefused extends RuntimeException {

    private final String action;

    public StartRefused(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
