/**
 * The double-entry ledger: accounts, transactions, balances and each market's trial balance. Payments post sales
 * credited to traders; fees post bills (receivables) and their settlement; payroll and orders will post theirs.
 * Depends on no other feature module: the modules that move money call it inside their own transactions.
 */
package vn.cho40.ledger;
