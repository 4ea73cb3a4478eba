package vn.cho40.identity;

import java.time.Instant;
import java.util.UUID;

/** A staff account as stored (without its password hash). */
public record StaffUser(UUID id, String username, String fullName, Role role, Scope.Kind scopeKind,
                        String scopeCode, String provinceCode, boolean active, Instant lockedUntil) {

    Scope scope() {
        return scopeKind == Scope.Kind.NATIONAL ? Scope.national() : Scope.of(scopeKind, scopeCode);
    }
}
