package vn.cho40.identity;

import java.util.Objects;

/**
 * One link of the menu and the rule that guards its page: shown to a user only when they may open it, and the page
 * (with the pages below it when {@code below}) refused to a user without {@code permission} (null: any signed-in
 * user). One declaration for both, so the menu can never offer a link the guard refuses.
 *
 * @param path      the page, e.g. {@code /payments/exceptions}
 * @param labelKey  its message key, e.g. {@code nav.payments}
 * @param audience  whose menu shows it (the trader's app and the staff pages are apart)
 * @param order     its place in the menu, smaller first
 * @param below     whether the pages under {@code path + "/"} are guarded by the same permission
 */
public record MenuEntry(String path, String labelKey, Audience audience, Permission permission, int order,
                        boolean below) {

    /** Whose menu an entry belongs in. */
    public enum Audience { EVERYONE, STAFF, TRADER }

    public MenuEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(audience, "audience");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a menu path starts with /: " + path);
        }
        if (audience == Audience.EVERYONE && permission != null) {
            throw new IllegalArgumentException("a page for everyone needs no permission: " + path);
        }
    }

    /** A staff page and the pages below it, for roles with {@code permission}. */
    public static MenuEntry staff(String path, String labelKey, Permission permission, int order) {
        return new MenuEntry(path, labelKey, Audience.STAFF, permission, order, true);
    }

    /** A page of the trader's app; only this path (the app's login pages sit below {@code /trader}). */
    public static MenuEntry trader(String path, String labelKey, int order) {
        return new MenuEntry(path, labelKey, Audience.TRADER, Permission.OWN_DATA, order, false);
    }

    /** An open page (the directory): in everyone's menu, guarded by nothing. */
    public static MenuEntry open(String path, String labelKey, int order) {
        return new MenuEntry(path, labelKey, Audience.EVERYONE, null, order, false);
    }

    /** Whether the guard lets this user (null: nobody signed in) through: the permission is all it checks. */
    public boolean allows(CurrentUser user) {
        return permission == null || (user != null && user.may(permission));
    }

    /** Whether this user's menu shows the link: their audience, and a page the guard lets them open. */
    public boolean shownTo(CurrentUser user) {
        boolean audienceMatches = switch (audience) {
            case EVERYONE -> true;
            case STAFF -> user != null && user.role().isStaff();
            case TRADER -> user != null && !user.role().isStaff();
        };
        return audienceMatches && allows(user);
    }

    /** Whether a request path is this entry's page (or one below it). */
    public boolean covers(String requestPath) {
        return requestPath.equals(path) || (below && requestPath.startsWith(path.endsWith("/") ? path : path + "/"));
    }
}
