package vn.cho40.identity;

/** Published when an administrator creates a staff account, inside the same transaction. */
public record StaffUserCreated(String username, Role role, Scope.Kind scopeKind, String scopeCode,
                               String provinceCode) {
}
