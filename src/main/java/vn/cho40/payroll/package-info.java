/**
 * Payroll of market boards: the staff register, the dated rules of Vietnamese pay (insurance, family deductions,
 * income tax), monthly runs from preview to approval, bank transfer files, payslips, payment confirmation and the
 * ledger postings. Depends on market (scope), identity (permissions), privacy (encryption), bank (NAPAS list),
 * audit and ledger.
 */
package vn.cho40.payroll;
