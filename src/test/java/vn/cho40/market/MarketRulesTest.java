package vn.cho40.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnit.Level;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.bank.BankDirectory;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

class MarketRulesTest {

    private static final Map<String, AdminUnit> CURRENT = Map.of(
            "05611", new AdminUnit(Regime.CURRENT, "05611", "Phú Lương", Level.COMMUNE, "19", "Xã"),
            "19", new AdminUnit(Regime.CURRENT, "19", "Thái Nguyên", Level.PROVINCE, null, "Tỉnh"));
    private static final Map<String, AdminUnit> OLD = Map.of(
            "05611", new AdminUnit(Regime.PRE_2025, "05611", "Đu", Level.COMMUNE, "168", "Thị trấn"));

    private final MarketRules rules = new MarketRules(c -> Optional.ofNullable(CURRENT.get(c)),
            c -> Optional.ofNullable(OLD.get(c)), BankDirectory.shipped());

    private static MarketForm form(String code, String commune, String bin, String account) {
        return new MarketForm(code, "Chợ Đu", commune, "05611", null, 3, OperatorType.BOARD, null, bin, account,
                "Ban quản lý chợ Đu", null, true);
    }

    @Test
    void resolvesBothRegimesOfAPlace() {
        MarketRules.Place place = rules.check(form("tn-du", "05611", "970436", "0011001234567"));
        assertThat(place).isEqualTo(new MarketRules.Place("05611", "19", "05611", "168"));
        assertThat(MarketRules.normalizeCode("tn du")).isEqualTo("TN-DU");
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThatThrownBy(() -> rules.check(form("?", "19", "123456", "12 34")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("code", "communeCode", "collectionBankBin", "collectionAccountNo"));
    }

    @Test
    void aProvinceIsNotACommune() {
        assertThatThrownBy(() -> rules.check(form("TN-DU", "19", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::messageKey).containsExactly("market.commune.unknown"));
    }

    @Test
    void bankNamesAreUpperCaseWithoutDiacritics() {
        assertThat(MarketRules.bankStyleName(" Ban quản lý chợ Đu ")).isEqualTo("BAN QUAN LY CHO DU");
    }
}
