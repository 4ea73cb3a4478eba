package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private final MarketPlace daiTu = new MarketPlace("TN-DAITU", "05488", "19");
    private final MarketPlace bungLao = new MarketPlace("DB-BUNGLAO", "03301", "11");

    @Test
    void eachKindCoversItsOwnPartOnly() {
        assertThat(Scope.national().covers(bungLao)).isTrue();
        assertThat(Scope.of(Scope.Kind.PROVINCE, "19").covers(daiTu)).isTrue();
        assertThat(Scope.of(Scope.Kind.PROVINCE, "19").covers(bungLao)).isFalse();
        assertThat(Scope.of(Scope.Kind.COMMUNE, "05488").covers(daiTu)).isTrue();
        assertThat(Scope.of(Scope.Kind.COMMUNE, "05488").covers(bungLao)).isFalse();
        assertThat(Scope.of(Scope.Kind.MARKET, "TN-DAITU").covers(daiTu)).isTrue();
        assertThat(Scope.of(Scope.Kind.MARKET, "TN-DAITU").covers(bungLao)).isFalse();
        assertThat(Scope.trader(Set.of("DB-BUNGLAO")).covers(bungLao)).isTrue();
        assertThat(Scope.trader(Set.of()).covers(bungLao)).isFalse();
    }

    @Test
    void rolesCarryOnlyWhatTheyNeed() {
        assertThat(Role.AUDITOR.may(Permission.TRADER_EDIT)).isFalse();
        assertThat(Role.AUDITOR.may(Permission.AUDIT_READ)).isTrue();
        assertThat(Role.MARKET_CASHIER.may(Permission.PERSONAL_DATA_UNMASK)).isFalse();
        assertThat(Role.TECH_MEMBER.may(Permission.TRADER_EDIT)).isTrue();
        assertThat(Role.TRADER.isStaff()).isFalse();
        assertThat(Role.TRADER.may(Permission.TRADER_READ)).isFalse();
    }
}
