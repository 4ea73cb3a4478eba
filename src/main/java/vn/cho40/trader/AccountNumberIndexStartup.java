package vn.cho40.trader;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Indexes, once, the numbers of accounts saved before payments were matched by account number. */
@Component
@Order(5)
class AccountNumberIndexStartup implements ApplicationRunner {

    private final StallAccounts accounts;

    AccountNumberIndexStartup(StallAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Bounded: each round indexes up to 10,000 accounts and stops when none is left.
        for (int round = 0; round < 1_000 && accounts.indexNumbers() > 0; round++) {
            Thread.onSpinWait();
        }
    }
}
