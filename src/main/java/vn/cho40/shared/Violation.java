package vn.cho40.shared;

import java.util.List;

/**
 * One thing wrong with some input: the field (or file row) it concerns and a message key from the i18n
 * bundles with its arguments, so each user reads it in their own language.
 */
public record Violation(String field, String messageKey, List<Object> args) {

    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String field, String messageKey, Object... args) {
        return new Violation(field, messageKey, List.of(args));
    }
}
