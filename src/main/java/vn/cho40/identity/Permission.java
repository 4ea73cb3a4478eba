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
    /** Read a market's books: its trial balance and account balances. */
    LEDGER_READ,
    /** Keep the rate book of market charges (province-wide rates and a market's own). */
    FEE_RATES_EDIT,
    /** See bills, payments of bills, arrears and fee reports of the markets in scope. */
    BILL_READ,
    /** Preview and issue billing runs, credit notes and adjusting bills. */
    BILL_ISSUE,
    /** Install and replace stalls' sub-meters. */
    METER_EDIT,
    /** Enter or import meter readings. */
    METER_READ,
    /** Take cash at the desk against a bill and close the day's cash. */
    CASH_COLLECT,
    /** Approve waivers and discounts on bills. */
    WAIVER_APPROVE,
    /** A trader's own stalls, accounts and payments. */
    OWN_DATA,
    /** See the board's staff register, payroll runs, payslips and bank files. */
    PAYROLL_READ,
    /** Keep the staff register and prepare payroll runs; record transfer outcomes. */
    PAYROLL_EDIT,
    /** Approve a month's payroll (the board's manager). */
    PAYROLL_APPROVE,
    /** Keep the registry of community digital-technology teams of the communes in scope and see their results. */
    TEAM_MANAGE,
    /** Record, as a team member, each person helped (the activity log). */
    TEAM_LOG,
    /** Keep a market's local products (catalogue, photos, listings) on its behalf: board, tech team, province. */
    PRODUCT_EDIT,
    /** See the rollout dashboards, the monthly reports and their figures for the area in scope. */
    ROLLOUT_READ,
    /** Keep the province's rollout plans and targets, enter reported figures, freeze months and set thresholds. */
    ROLLOUT_PLAN,
    /** See the national figures per province on a server with the national role (the national database only). */
    NATIONAL_READ
}
