package vn.cho40.identity;

/** What a role may do. Reading markets and stalls in scope needs no permission beyond being staff. */
public enum Permission {
    MARKET_EDIT,
    STALL_EDIT,
    TRADER_READ,
    TRADER_EDIT,
    /** See a CCCD, phone or account number in full; every such read is audited. */
    PERSONAL_DATA_UNMASK,
    USER_ADMIN,
    AUDIT_READ,
    /** Work the payments exceptions queue and upload bank statements for the markets in scope. */
    PAYMENT_RECONCILE,
    /** A trader's own stalls, accounts and payments. */
    OWN_DATA
}
