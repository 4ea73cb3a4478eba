package vn.cho40.ledger;

import java.util.List;

/**
 * A market's trial balance as a page shows it: every account (its kind for the label, the rest as its key) with
 * its debits, credits and balance, the totals, and whether debits equal credits (they always should: the database
 * refuses a transaction that does not balance, so a difference means the books were written around it).
 */
record TrialBalance(List<Row> rows, long debitVnd, long creditVnd) {

    record Row(String kind, String key, long debitVnd, long creditVnd) {
        public long balanceVnd() {
            return debitVnd - creditVnd;
        }
    }

    static TrialBalance of(List<Ledger.AccountBalance> accounts) {
        List<Row> rows = accounts.stream().map(a -> {
            String kind = Accounts.kindOf(a.account());
            String key = a.account().length() > kind.length() ? a.account().substring(kind.length() + 1) : "";
            return new Row(kind, key, a.debitVnd(), a.creditVnd());
        }).toList();
        return new TrialBalance(rows, rows.stream().mapToLong(Row::debitVnd).sum(),
                rows.stream().mapToLong(Row::creditVnd).sum());
    }

    public boolean balances() {
        return debitVnd == creditVnd;
    }
}
