package vn.cho40.shared;

/** The user is known and the thing is in their scope, but their role may not do this (HTTP 403). */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String permission) {
        super("missing permission " + permission);
    }
}
