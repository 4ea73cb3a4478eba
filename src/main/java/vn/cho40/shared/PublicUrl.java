package vn.cho40.shared;

/**
 * Where the public reaches this platform (documents print it for the e-invoice lookup, feeds link to it): the
 * configured {@code cho40.public-url} (CHO40_PUBLIC_URL), or this server on localhost at its own port.
 */
public final class PublicUrl {

    /** For {@code @Value}: the configured address, else http://localhost and the server's port. */
    public static final String SETTING = "${cho40.public-url:http://localhost:${server.port:8080}}";

    private PublicUrl() {
    }
}
