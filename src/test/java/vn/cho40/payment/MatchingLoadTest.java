package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchingLoadTest {

    @Test
    void aFewPaymentsASecondAreNotALoadAHundredsAre() {
        MatchingLoad load = new MatchingLoad();
        assertThat(load.busy()).isFalse();
        for (int i = 0; i < 10; i++) {
            load.matched(10); // a busy market's pace, in small batches
        }
        assertThat(load.busy()).as("100 in a second").isFalse();
        for (int i = 0; i < 10; i++) {
            load.matched(10);
        }
        assertThat(load.busy()).as("200 in a second, even in small batches").isTrue();
    }

    @Test
    void oneBigBatchIsALoad() {
        MatchingLoad load = new MatchingLoad();
        load.matched(MatchingLoad.BUSY_PER_SECOND);
        assertThat(load.busy()).isTrue();
    }
}
