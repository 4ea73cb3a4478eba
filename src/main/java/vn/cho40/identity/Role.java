package vn.cho40.identity;

import java.util.EnumSet;
import java.util.Set;

/** The roles of the programme, each with what it may do. One place, so a review sees the whole matrix. */
public enum Role {
    SYSTEM_ADMIN(EnumSet.allOf(Permission.class)),
    PROVINCE_ADMIN(EnumSet.of(Permission.MARKET_EDIT, Permission.STALL_EDIT, Permission.TRADER_READ,
            Permission.TRADER_EDIT, Permission.PERSONAL_DATA_UNMASK, Permission.USER_ADMIN, Permission.AUDIT_READ,
            Permission.PAYMENT_RECONCILE)),
    COMMUNE_OFFICER(EnumSet.of(Permission.MARKET_EDIT, Permission.STALL_EDIT, Permission.TRADER_READ)),
    MARKET_MANAGER(EnumSet.of(Permission.STALL_EDIT, Permission.TRADER_READ, Permission.TRADER_EDIT,
            Permission.PERSONAL_DATA_UNMASK, Permission.PAYMENT_RECONCILE)),
    MARKET_CASHIER(EnumSet.of(Permission.TRADER_READ, Permission.PAYMENT_RECONCILE)),
    TECH_MEMBER(EnumSet.of(Permission.TRADER_READ, Permission.TRADER_EDIT, Permission.PERSONAL_DATA_UNMASK)),
    AUDITOR(EnumSet.of(Permission.TRADER_READ, Permission.AUDIT_READ)),
    TRADER(EnumSet.of(Permission.OWN_DATA));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean isStaff() {
        return this != TRADER;
    }
}
