package vn.cho40.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankDirectoryTest {

    private final BankDirectory banks = BankDirectory.shipped();

    @Test
    void knowsTheWalletsByTheirBins() {
        assertThat(banks.byBin("971005")).get().extracting(Bank::kind).isEqualTo(Bank.Kind.WALLET);
        assertThat(banks.byBin("971011")).get().extracting(Bank::shortName).isEqualTo("VNPTMoney");
        assertThat(banks.byBin("970436")).get().extracting(Bank::kind).isEqualTo(Bank.Kind.BANK);
        assertThat(banks.byBin("000000")).isEmpty();
        assertThat(banks.byBin(null)).isEmpty();
    }

    @Test
    void listsBanksBeforeWallets() {
        assertThat(banks.all()).hasSize(72);
        assertThat(banks.all().getLast().kind()).isEqualTo(Bank.Kind.WALLET);
        assertThat(banks.all().getFirst().kind()).isEqualTo(Bank.Kind.BANK);
    }
}
