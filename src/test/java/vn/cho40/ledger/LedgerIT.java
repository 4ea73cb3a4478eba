package vn.cho40.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/** A market's books: postings land in its trial balance, which its board and auditors read and a cashier does not. */
@IntegrationTest
class LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aPostingShowsInTheMarketsTrialBalanceWhichBalances() {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        UUID trader = UUID.randomUUID();
        long before = ledger.balance(market, Accounts.receivable(trader));
        tx.executeWithoutResult(s -> ledger.post(new Ledger.Posting(market, null, "bill:test", null, "test bill",
                List.of(new Ledger.Line(Accounts.receivable(trader), 120_000),
                        new Ledger.Line(Accounts.revenue("STALL_RENT"), -100_000),
                        new Ledger.Line(Accounts.revenue("ELECTRICITY"), -20_000)))));
        assertThat(ledger.balance(market, Accounts.receivable(trader))).isEqualTo(before + 120_000);
        List<Ledger.AccountBalance> accounts = ledger.trialBalance(market);
        assertThat(accounts.stream().mapToLong(Ledger.AccountBalance::debitVnd).sum())
                .isEqualTo(accounts.stream().mapToLong(Ledger.AccountBalance::creditVnd).sum());
        assertThat(accounts).anySatisfy(a -> {
            assertThat(a.account()).isEqualTo("revenue:ELECTRICITY");
            assertThat(a.creditVnd()).isGreaterThanOrEqualTo(20_000);
        });

        String page = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD).get("/ledger").body();
        assertThat(page).contains("Sổ cân đối", "Phải thu tiểu thương (hóa đơn)", "Doanh thu phí chợ", trader.toString());
        assertThat(new WebSession(port, "kiemtra.thainguyen", DemoProvince.DEMO_PASSWORD)
                .get("/ledger?market=TN-DAITU").body()).contains("Sổ cân đối");
        assertThat(new WebSession(port, "thungan.daitu", DemoProvince.DEMO_PASSWORD).get("/ledger").status())
                .isEqualTo(403);
        assertThat(new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD).get("/ledger?market=TN-DAITU")
                .status()).as("another market's books: not found, as any market outside the user's area where the address does not name it").isEqualTo(404);
    }
}
