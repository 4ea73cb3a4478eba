package vn.cho40.payroll;

/**
 * The ledger accounts payroll posts to, in the market board's books. On approval: salary expense and the employer's
 * contributions (debits) against net pay owed to staff, insurance owed to the social-insurance agency, the trade-union
 * fee, income tax withheld and other deductions (credits). On each confirmed transfer: net pay owed (debit) against
 * the board's bank account (credit).
 */
final class PayrollAccounts {

    static final String SALARY_EXPENSE = "payroll_expense:salary";
    static final String EMPLOYER_INSURANCE_EXPENSE = "payroll_expense:employer_contributions";
    static final String NET_PAY_OWED = "payroll_payable:net_pay";
    static final String INSURANCE_OWED = "payroll_payable:insurance";
    static final String UNION_FEE_OWED = "payroll_payable:union_fee";
    static final String TAX_WITHHELD = "payroll_payable:income_tax";
    static final String DEDUCTIONS = "payroll_payable:deductions";
    static final String BANK = "payroll_bank:salary_account";

    private PayrollAccounts() {
    }
}
