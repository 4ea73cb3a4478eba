package vn.cho40.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;

/** A stall code typed on a phone finds its stall whatever the case and separators: "a1", "A 1" and "a-1" are A-1. */
@IntegrationTest
class StallLookupIT {

    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;

    @Test
    void aCodeTypedWithoutItsHyphenFindsTheStall() {
        Market daitu = markets.get("TN-DAITU");
        for (String typed : new String[] {"A-1", "a-1", "a1", "A 1", " a1 "}) {
            assertThat(stalls.find(daitu, typed)).as(typed).get().extracting(Stall::code).isEqualTo("A-1");
        }
        assertThat(stalls.find(daitu, "Z99")).isEmpty();
        assertThat(stalls.find(daitu, "")).isEmpty();
    }
}
