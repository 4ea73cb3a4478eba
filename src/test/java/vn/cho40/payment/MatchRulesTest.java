package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cho40.payment.MatchRules.Credit;
import vn.cho40.payment.MatchRules.Decision;
import vn.cho40.payment.MatchRules.Reason;
import vn.cho40.shared.PaymentCode;
import vn.cho40.trader.StallAccounts.Owner;

class MatchRulesTest {

    static final UUID DAI_TU = UUID.randomUUID();
    static final UUID BUNG_LAO = UUID.randomUUID();
    static final String VCB = "970436";
    static final String AGRIBANK = "970405";

    static byte[] hash(String number) {
        return ("h:" + number).getBytes(StandardCharsets.UTF_8);
    }

    static Owner owner(UUID market, String bin) {
        return new Owner(UUID.randomUUID(), UUID.randomUUID(), market, UUID.randomUUID(), bin);
    }

    static PaymentCodes.Target codeOf(Owner o, String number, Long amount) {
        return new PaymentCodes.Target("C40ABCDEFGH", o.marketId(), o.stallId(), o.traderId(), o.accountId(),
                hash(number), o.bin(), amount, false);
    }

    static final PaymentCode.Found NONE = new PaymentCode.Found.None();

    static PaymentCode.Found one() {
        return new PaymentCode.Found.One("C40ABCDEFGH");
    }

    @Test
    void aLookAlikeQrCreditsNobodyQueuesAtTheReceiverAndWarnsTheCodeOwner() {
        Owner victim = owner(DAI_TU, VCB);
        Owner scammer = owner(BUNG_LAO, AGRIBANK);
        Decision d = MatchRules.decide(new Credit(hash("222"), AGRIBANK, null, 77_000), List.of(scammer), one(),
                Optional.of(codeOf(victim, "111", 77_000L)));
        assertThat(d.matched()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.CODE_ON_OTHER_ACCOUNT);
        assertThat(d.queueMarket()).as("the receiving account's market").isEqualTo(BUNG_LAO);
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(MatchRules.Warning.Kind.CODE_ON_OTHER_ACCOUNT);
            assertThat(w.marketId()).isEqualTo(DAI_TU);
            assertThat(w.stallId()).isEqualTo(victim.stallId());
        });
    }

    @Test
    void theSameNumberAtAnotherBankIsAnotherAccount() {
        Owner victim = owner(DAI_TU, VCB);
        Decision d = MatchRules.decide(new Credit(hash("111"), AGRIBANK, null, 77_000), List.of(victim), one(),
                Optional.of(codeOf(victim, "111", 77_000L)));
        assertThat(d.reason()).isEqualTo(Reason.CODE_ON_OTHER_ACCOUNT);
        assertThat(MatchRules.decide(new Credit(hash("111"), AGRIBANK, null, 5_000), List.of(victim), NONE,
                Optional.empty()).reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void aCodePaidIntoItsOwnAccountCreditsItsStallAndADifferentAmountIsFlagged() {
        Owner trader = owner(DAI_TU, VCB);
        Decision exact = MatchRules.decide(new Credit(hash("111"), null, null, 77_000), List.of(trader), one(),
                Optional.of(codeOf(trader, "111", 77_000L)));
        assertThat(exact.payee().traderId()).isEqualTo(trader.traderId());
        assertThat(exact.warnings()).isEmpty();
        Decision other = MatchRules.decide(new Credit(hash("111"), VCB, null, 7_000), List.of(trader), one(),
                Optional.of(codeOf(trader, "111", 77_000L)));
        assertThat(other.payee().traderId()).as("the money is in the trader's account").isEqualTo(trader.traderId());
        assertThat(other.warnings()).singleElement().extracting(MatchRules.Warning::kind)
                .isEqualTo(MatchRules.Warning.Kind.AMOUNT_DIFFERS);
    }

    @Test
    void aMarketsOwnChannelSpeaksOnlyForThatMarket() {
        Owner daiTu = owner(DAI_TU, VCB);
        Decision byAccount = MatchRules.decide(new Credit(hash("111"), null, BUNG_LAO, 50_000), List.of(daiTu), NONE,
                Optional.empty());
        assertThat(byAccount.reason()).isEqualTo(Reason.OTHER_MARKET);
        assertThat(byAccount.queueMarket()).isEqualTo(BUNG_LAO);
        Decision byCode = MatchRules.decide(new Credit(hash("111"), null, BUNG_LAO, 50_000), List.of(daiTu), one(),
                Optional.of(codeOf(daiTu, "111", null)));
        assertThat(byCode.matched()).isFalse();
    }

    @Test
    void aNumberAtTwoBanksNeedsThePaymentToNameItsBank() {
        Owner first = owner(DAI_TU, VCB);
        Owner second = owner(DAI_TU, AGRIBANK);
        assertThat(MatchRules.decide(new Credit(hash("111"), null, null, 1_000), List.of(first, second), NONE,
                Optional.empty()).reason()).isEqualTo(Reason.AMBIGUOUS_ACCOUNT);
        assertThat(MatchRules.decide(new Credit(hash("111"), AGRIBANK, null, 1_000), List.of(first, second), NONE,
                Optional.empty()).payee()).isEqualTo(second);
        assertThat(MatchRules.decide(new Credit(hash("111"), null, null, 1_000), List.of(first, second), one(),
                Optional.of(codeOf(first, "111", null))).reason())
                .as("without the bank, the code's account cannot be told from the other").isEqualTo(Reason.CODE_ON_OTHER_ACCOUNT);
    }

    /**
     * The property: over random accounts (numbers shared across banks and markets), random channels (a market or
     * none, a bank or none) and random codes (any account's, unknown, none), a credit is paid to exactly the owner
     * of the account it reached, or to nobody.
     */
    @Test
    void aPaymentCreditsExactlyItsReceivingAccountsOwnerOrNoOne() {
        Random random = new Random(20261203);
        String[] banks = {VCB, AGRIBANK, "970422"};
        UUID[] markets = {DAI_TU, BUNG_LAO, UUID.randomUUID()};
        int matched = 0;
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            record Account(String number, Owner owner) {
            }
            List<Account> accounts = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                String number = Integer.toString(random.nextInt(4)); // few numbers: collisions are the point
                String bin = banks[random.nextInt(banks.length)];
                if (accounts.stream().noneMatch(a -> a.number().equals(number) && a.owner().bin().equals(bin))) {
                    accounts.add(new Account(number, owner(markets[random.nextInt(markets.length)], bin)));
                }
            }
            String number = Integer.toString(random.nextInt(5));
            List<Owner> registered = accounts.stream().filter(a -> a.number().equals(number)).map(Account::owner)
                    .toList();
            boolean bankNamed = random.nextBoolean();
            // A payment that does not name its bank comes from a provider watching accounts linked to it, i.e.
            // registered ones: the bank it reached is then one of those the number is registered at.
            String trueBank = bankNamed || registered.isEmpty() ? banks[random.nextInt(banks.length)]
                    : registered.get(random.nextInt(registered.size())).bin();
            String namedBank = bankNamed ? trueBank : null;
            UUID channelMarket = random.nextInt(3) == 0 ? markets[random.nextInt(markets.length)] : null;
            PaymentCode.Found found;
            Optional<PaymentCodes.Target> target = Optional.empty();
            switch (random.nextInt(4)) {
                case 0 -> found = NONE;
                case 1 -> found = one();
                case 2 -> found = new PaymentCode.Found.Ambiguous(java.util.Set.of("C40ABCDEFGH", "C40BBBBBBBB"));
                default -> {
                    Account issuer = accounts.get(random.nextInt(accounts.size()));
                    found = one();
                    target = Optional.of(codeOf(issuer.owner(), issuer.number(), random.nextBoolean() ? 77_000L : null));
                }
            }
            Decision d = MatchRules.decide(new Credit(hash(number), namedBank, channelMarket, 77_000), registered, found,
                    target);
            // The account the money really reached: this number at the true bank, if anyone registered it.
            Optional<Owner> reached = registered.stream().filter(o -> o.bin().equals(trueBank)).findFirst();
            if (d.matched()) {
                matched++;
                assertThat(reached).as("round %d: credited although nobody registered the account reached", round)
                        .isPresent();
                assertThat(d.payee().traderId()).as("round %d: credited someone else", round)
                        .isEqualTo(reached.get().traderId());
                assertThat(d.payee().accountId()).isEqualTo(reached.get().accountId());
                if (channelMarket != null) {
                    assertThat(d.payee().marketId()).as("round %d: a market's channel credits its own", round)
                            .isEqualTo(channelMarket);
                }
            } else {
                refused++;
                assertThat(d.reason()).isNotNull();
            }
        }
        assertThat(matched).as("the property is not vacuous").isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    /** A market board's collection account as the matcher registers it: no trader, no stall. */
    static Owner board(UUID market, String bin) {
        return new Owner(null, null, market, null, bin);
    }

    static PaymentCodes.Target billOf(String code, UUID market, String number, String bin, long dueVnd) {
        return new PaymentCodes.Target(code, market, UUID.randomUUID(), UUID.randomUUID(), null, hash(number), bin,
                dueVnd, false, true);
    }

    @Test
    void aBillCodePaidIntoTheBoardsAccountIsSettledWhateverTheAmount() {
        Owner board = board(DAI_TU, VCB);
        PaymentCodes.Target bill = billOf("C40ABCDEFGH", DAI_TU, "900", VCB, 250_000);
        Decision part = MatchRules.decide(new Credit(hash("900"), VCB, null, 100_000), List.of(board), one(),
                Optional.of(bill));
        assertThat(part.matched()).isTrue();
        assertThat(part.settlement()).isTrue();
        assertThat(part.settles()).containsExactly("C40ABCDEFGH");
        assertThat(part.warnings()).as("a part payment of a bill is normal: no amount warning").isEmpty();
        assertThat(part.payee().traderId()).isEqualTo(bill.traderId());
    }

    @Test
    void aBillCodePaidIntoATradersAccountCreditsNobody() {
        Owner trader = owner(DAI_TU, VCB);
        PaymentCodes.Target bill = billOf("C40ABCDEFGH", DAI_TU, "900", VCB, 250_000);
        Decision d = MatchRules.decide(new Credit(hash("111"), VCB, null, 250_000), List.of(trader), one(),
                Optional.of(bill));
        assertThat(d.matched()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.CODE_ON_OTHER_ACCOUNT);
    }

    @Test
    void moneyInTheBoardsAccountWithoutACodeWaitsForTheCashier() {
        Decision d = MatchRules.decide(new Credit(hash("900"), VCB, null, 250_000), List.of(board(DAI_TU, VCB)), NONE,
                Optional.empty());
        assertThat(d.matched()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.NO_BILL_CODE);
        assertThat(d.queueMarket()).isEqualTo(DAI_TU);
    }

    @Test
    void oneTransferNamingTwoBillsOfTheSameBoardSettlesBoth() {
        String first = PaymentCode.generate(new Random(1));
        String second = PaymentCode.generate(new Random(2));
        var both = new PaymentCode.Found.Ambiguous(java.util.Set.of(first, second));
        Owner board = board(DAI_TU, VCB);
        java.util.Map<String, PaymentCodes.Target> bills = java.util.Map.of(
                first, billOf(first, DAI_TU, "900", VCB, 100_000), second, billOf(second, DAI_TU, "900", VCB, 50_000));
        Decision d = MatchRules.decide(new Credit(hash("900"), VCB, null, 150_000), List.of(board), both, bills);
        assertThat(d.settles()).containsExactlyInAnyOrder(first, second);

        // A bill of another board among them, or a stall's code: a person untangles it.
        java.util.Map<String, PaymentCodes.Target> mixed = java.util.Map.of(
                first, billOf(first, DAI_TU, "900", VCB, 100_000), second, billOf(second, BUNG_LAO, "800", VCB, 50_000));
        assertThat(MatchRules.decide(new Credit(hash("900"), VCB, null, 150_000), List.of(board), both, mixed).reason())
                .isEqualTo(Reason.AMBIGUOUS_CODE);
        PaymentCodes.Target sale = new PaymentCodes.Target(second, DAI_TU, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), hash("900"), VCB, null, false);
        assertThat(MatchRules.decide(new Credit(hash("900"), VCB, null, 150_000), List.of(board), both,
                java.util.Map.of(first, bills.get(first), second, sale)).reason()).isEqualTo(Reason.AMBIGUOUS_CODE);
        // Two bills, but the money went elsewhere.
        assertThat(MatchRules.decide(new Credit(hash("777"), VCB, null, 150_000), List.of(owner(DAI_TU, VCB)), both,
                bills).matched()).isFalse();
    }
}
