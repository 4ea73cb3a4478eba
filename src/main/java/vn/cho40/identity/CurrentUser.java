package vn.cho40.identity;

import java.util.UUID;

/** The person behind a request: a staff member, or a trader (then {@code traderId} is set). */
public record CurrentUser(String username, String displayName, Role role, Scope scope, UUID traderId)
        implements java.io.Serializable {

    public boolean may(Permission permission) {
        return role.may(permission);
    }
}
