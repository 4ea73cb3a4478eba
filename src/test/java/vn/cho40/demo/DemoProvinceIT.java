package vn.cho40.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.market.Market;
import vn.cho40.market.MarketStatus;
import vn.cho40.market.Markets;
import vn.cho40.market.Stalls;

@IntegrationTest
class DemoProvinceIT {

    @Autowired
    DemoProvince demo;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;

    @Test
    void loadsTheProgrammesMarketsInTheir2025CommunesKeepingTheOldPlace() {
        Market daiTu = markets.get("TN-DAITU");
        assertThat(daiTu.provinceCode()).isEqualTo("19");
        assertThat(daiTu.pre2025CommuneCode()).isEqualTo("05761");
        assertThat(daiTu.pre2025DistrictCode()).isEqualTo("171");
        assertThat(daiTu.status()).isEqualTo(MarketStatus.LIVE);
        // Zone Z is where other tests add stalls to Đại Từ; the demo made zones A to S at most.
        assertThat(stalls.list(daiTu, null, null)).filteredOn(s -> !s.zoneCode().equals("Z")).hasSize(380);
        assertThat(markets.get("TN-DUCXUAN").provinceCode()).as("former Bắc Kạn is in Thái Nguyên").isEqualTo("19");
        assertThat(markets.get("DB-BUNGLAO").provinceCode()).isEqualTo("11");
        assertThat(markets.search("", "19")).filteredOn(m -> m.code().startsWith("TN-")).hasSize(22);
        assertThat(markets.search("", "11")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(markets.search("", "19")).filteredOn(m -> m.code().startsWith("TN-")).allSatisfy(m ->
                assertThat(m.stallCount()).isBetween(50, 400));
    }

    @Test
    void loadingAgainAddsNothing() {
        int before = stalls.list(markets.get("TN-DU"), null, null).size();
        assertThat(demo.load()).isZero();
        assertThat(stalls.list(markets.get("TN-DU"), null, null)).hasSize(before);
    }

    @Test
    void statusHistoryIsRecordedStepByStep() {
        assertThat(markets.history(markets.get("TN-DAITU")))
                .extracting(h -> h.to())
                .containsExactly(MarketStatus.PLANNED, MarketStatus.ONBOARDING, MarketStatus.LIVE);
    }
}
