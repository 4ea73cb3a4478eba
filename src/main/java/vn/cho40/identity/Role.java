package vn.cho40.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the programme, each with what it may do and its rank. One place, so a review sees the whole
 * matrix. The rank orders roles for user administration: an administrator creates accounts only with a role
 * ranked at or below their own and holding no permission they lack themselves.
 */
public enum Role {
    SYSTEM_ADMIN(100, EnumSet.allOf(Permission.class)),
    PROVINCE_ADMIN(80, EnumSet.of(Permission.MARKET_EDIT, Permission.STALL_EDIT, Permission.TRADER_READ,
            Permission.TRADER_EDIT, Permission.PERSONAL_DATA_UNMASK, Permission.USER_ADMIN, Permission.AUDIT_READ,
            Permission.PAYMENT_RECONCILE, Permission.LEDGER_READ, Permission.FEE_RATES_EDIT, Permission.BILL_READ,
            Permission.BILL_ISSUE, Permission.METER_EDIT, Permission.METER_READ, Permission.CASH_COLLECT,
            Permission.WAIVER_APPROVE, Permission.PAYROLL_READ, Permission.PAYROLL_EDIT,
            Permission.PAYROLL_APPROVE, Permission.TEAM_MANAGE,
            // TEAM_LOG too: a province admin creates the members' TECH_MEMBER logins, and grants only what it holds.
            Permission.TEAM_LOG, Permission.ROLLOUT_READ, Permission.ROLLOUT_PLAN, Permission.PRODUCT_EDIT)),
    COMMUNE_OFFICER(60, EnumSet.of(Permission.MARKET_EDIT, Permission.STALL_EDIT, Permission.TRADER_READ,
            Permission.BILL_READ, Permission.TEAM_MANAGE, Permission.ROLLOUT_READ, Permission.PRODUCT_EDIT)),
    MARKET_MANAGER(50, EnumSet.of(Permission.STALL_EDIT, Permission.TRADER_READ, Permission.TRADER_EDIT,
            Permission.PERSONAL_DATA_UNMASK, Permission.PAYMENT_RECONCILE, Permission.LEDGER_READ,
            Permission.FEE_RATES_EDIT, Permission.BILL_READ, Permission.BILL_ISSUE, Permission.METER_EDIT,
            Permission.METER_READ, Permission.CASH_COLLECT, Permission.WAIVER_APPROVE, Permission.PAYROLL_READ,
            Permission.PAYROLL_EDIT, Permission.PAYROLL_APPROVE, Permission.ROLLOUT_READ, Permission.PRODUCT_EDIT)),
    MARKET_CASHIER(30, EnumSet.of(Permission.TRADER_READ, Permission.PAYMENT_RECONCILE, Permission.BILL_READ,
            Permission.METER_READ, Permission.CASH_COLLECT)),
    TECH_MEMBER(40, EnumSet.of(Permission.TRADER_READ, Permission.TRADER_EDIT, Permission.PERSONAL_DATA_UNMASK,
            Permission.TEAM_LOG, Permission.PRODUCT_EDIT)),
    AUDITOR(30, EnumSet.of(Permission.TRADER_READ, Permission.AUDIT_READ, Permission.LEDGER_READ,
            Permission.BILL_READ, Permission.ROLLOUT_READ)),
    TRADER(0, EnumSet.of(Permission.OWN_DATA));

    private final int rank;
    private final Set<Permission> permissions;

    Role(int rank, Set<Permission> permissions) {
        this.rank = rank;
        this.permissions = permissions;
    }

    public int rank() {
        return rank;
    }

    /** Whether a holder of this role may give {@code other} to a new account (at or below, nothing more). */
    public boolean mayGrant(Role other) {
        return other.rank <= rank && permissions.containsAll(other.permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean isStaff() {
        return this != TRADER;
    }
}
