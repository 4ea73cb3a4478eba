package vn.cho40.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * A list filter on something an item has or lacks (a trader on a stall, a current QR code): keep the items
 * WITH it or those WITHOUT it. No filter (empty) keeps both.
 */
public enum Presence {
    WITH, WITHOUT;

    /** "with" or "without" as a form sends them; anything else is no filter, so an old link still opens. */
    public static Optional<Presence> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "with" -> Optional.of(WITH);
            case "without" -> Optional.of(WITHOUT);
            default -> Optional.empty();
        };
    }

    /** The form value, for links that keep the filter. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
