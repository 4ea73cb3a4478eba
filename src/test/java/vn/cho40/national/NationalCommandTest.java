package vn.cho40.national;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NationalCommandTest {

    @Test
    void onlyRebuildIsAcceptedAndAnythingElseGetsTheUsage() {
        assertThat(NationalCommand.refusal(new String[] {"rebuild"})).isNull();
        assertThat(NationalCommand.refusal(new String[] {})).contains("./cho40 national rebuild");
        assertThat(NationalCommand.refusal(new String[] {"rebuild", "--now"})).contains("usage");
        assertThat(NationalCommand.refusal(new String[] {"drop"})).contains("usage");
    }
}
