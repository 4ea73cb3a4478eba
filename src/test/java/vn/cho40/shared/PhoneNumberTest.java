package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void normalizesTheWaysPeopleWriteMobileNumbers() {
        assertThat(PhoneNumber.normalize("0912 345 678")).contains("0912345678");
        assertThat(PhoneNumber.normalize("+84 912.345.678")).contains("0912345678");
        assertThat(PhoneNumber.normalize("84912345678")).contains("0912345678");
        assertThat(PhoneNumber.normalize("0386-123-456")).contains("0386123456");
    }

    @Test
    void refusesWrongLengthsAndPrefixesThatAreNotMobile() {
        assertThat(PhoneNumber.normalize("091234567")).isEmpty();
        assertThat(PhoneNumber.normalize("09123456789")).isEmpty();
        assertThat(PhoneNumber.normalize("0241234567")).as("a Hà Nội landline").isEmpty();
        assertThat(PhoneNumber.normalize("0112345678")).isEmpty();
        assertThat(PhoneNumber.normalize("abc")).isEmpty();
        assertThat(PhoneNumber.normalize(null)).isEmpty();
    }
}
