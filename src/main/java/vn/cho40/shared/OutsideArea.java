package vn.cho40.shared;

/**
 * Something public (a market) that lies outside the staff member's area. Where the address itself names it
 * ({@code /admin/markets/TN-DAITU/...}) the user is told so and offered its public page: the address already says
 * it exists. Anywhere else (a payment or an onboarding that happens to belong to it) it stays "not found", so
 * nothing about the thing reached through it is revealed.
 */
public class OutsideArea extends NotFoundException {

    private final String publicPath;
    private final String outsideKey;

    /**
     * @param publicPath its public page, also the part of an address that names it, e.g. {@code /markets/TN-DAITU}
     * @param outsideKey the message saying it is outside the user's area (same arguments)
     * @param notFoundKey the message where the address does not name it
     */
    public OutsideArea(String publicPath, String outsideKey, String notFoundKey, Object... args) {
        super(notFoundKey, args);
        this.publicPath = publicPath;
        this.outsideKey = outsideKey;
    }

    public String publicPath() {
        return publicPath;
    }

    public String outsideKey() {
        return outsideKey;
    }

    /** Whether the request's path names this thing: it contains the public path as whole segments. */
    public boolean namedBy(String requestPath) {
        String path = requestPath.toLowerCase(java.util.Locale.ROOT);
        String named = publicPath.toLowerCase(java.util.Locale.ROOT);
        return path.endsWith(named) || path.contains(named + "/");
    }
}
