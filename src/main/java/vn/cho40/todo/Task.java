package vn.cho40.todo;

import java.util.Objects;

/**
 * Something waiting for the signed-in user: how many, and the page where it is done.
 *
 * @param kind     a stable name for machines, e.g. {@code PAYMENT_EXCEPTIONS}
 * @param count    how many wait (a source reports only what is above zero)
 * @param href     the page that works them, e.g. {@code /payments/exceptions}
 * @param labelKey the message key of its label, taking the count as argument {0}
 */
public record Task(String kind, long count, String href, String labelKey) {

    public Task {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(labelKey, "labelKey");
        if (count < 0) {
            throw new IllegalArgumentException("a task count is never negative: " + kind + " " + count);
        }
        if (!href.startsWith("/")) {
            throw new IllegalArgumentException("a task links to a page of the platform: " + href);
        }
    }

    /** The page without its fragment: the menu entry that carries this task's badge. */
    public String page() {
        int hash = href.indexOf('#');
        return hash < 0 ? href : href.substring(0, hash);
    }
}
