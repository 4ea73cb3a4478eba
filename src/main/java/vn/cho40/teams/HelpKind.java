package vn.cho40.teams;

/** The kinds of help a member records; TRADER_ONBOARDED is counted from the onboarding wizard, never typed. */
public enum HelpKind {
    BANK_ACCOUNT, INSTALL_APP, STALL_QR, TEACH_QR, PUBLIC_SERVICES, ECOMMERCE_LISTING, OTHER
}
