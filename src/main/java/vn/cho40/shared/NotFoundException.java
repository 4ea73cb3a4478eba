package vn.cho40.shared;

import java.util.List;

/** Something asked for does not exist, or is outside the caller's scope (the two look the same). */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey + " " + List.of(args));
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
