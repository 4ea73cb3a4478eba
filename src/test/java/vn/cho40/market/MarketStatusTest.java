package vn.cho40.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarketStatusTest {

    @Test
    void movesOneStepForwardOnly() {
        assertThat(MarketStatus.PLANNED.canMoveTo(MarketStatus.ONBOARDING)).isTrue();
        assertThat(MarketStatus.ONBOARDING.canMoveTo(MarketStatus.LIVE)).isTrue();
        assertThat(MarketStatus.PLANNED.canMoveTo(MarketStatus.LIVE)).isFalse();
        assertThat(MarketStatus.LIVE.canMoveTo(MarketStatus.ONBOARDING)).isFalse();
        assertThat(MarketStatus.LIVE.canMoveTo(MarketStatus.LIVE)).isFalse();
    }

    @Test
    void classFollowsBusinessPoints() {
        assertThat(MarketClass.forBusinessPoints(401)).isEqualTo(1);
        assertThat(MarketClass.forBusinessPoints(400)).isEqualTo(2);
        assertThat(MarketClass.forBusinessPoints(380)).isEqualTo(2);
        assertThat(MarketClass.forBusinessPoints(200)).isEqualTo(2);
        assertThat(MarketClass.forBusinessPoints(199)).isEqualTo(3);
    }
}
