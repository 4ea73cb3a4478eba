package vn.cho40.trader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.Violation;

class CitizenIdTest {

    private static final Set<String> PROVINCES = Set.of("01", "06", "11", "19", "79");

    @Test
    void acceptsACccdWhoseProvinceCenturyAndYearAgree() {
        // 019: Thái Nguyên; 1: woman born in the 1900s; 85: 1985.
        assertThat(CitizenId.check("019185001234", LocalDate.of(1985, 3, 2), PROVINCES)).isEmpty();
        // 3: woman born in the 2000s.
        assertThat(CitizenId.check("011 302 123456", LocalDate.of(2002, 1, 1), PROVINCES)).isEmpty();
        assertThat(CitizenId.kind("019185001234")).isEqualTo(CitizenId.Kind.CCCD);
    }

    @Test
    void refusesAnUnknownProvincePrefix() {
        assertThat(CitizenId.check("099185001234", LocalDate.of(1985, 1, 1), PROVINCES))
                .extracting(Violation::messageKey).containsExactly("trader.cccd.province");
        assertThat(CitizenId.check("119185001234", LocalDate.of(1985, 1, 1), PROVINCES))
                .extracting(Violation::messageKey).containsExactly("trader.cccd.province");
    }

    @Test
    void refusesACenturyOrYearThatContradictsTheBirthDate() {
        assertThat(CitizenId.check("019285001234", LocalDate.of(1985, 1, 1), PROVINCES))
                .singleElement().satisfies(v -> {
                    assertThat(v.messageKey()).isEqualTo("trader.cccd.birthYear");
                    assertThat(v.args()).containsExactly("2085", "1985");
                });
        assertThat(CitizenId.check("019186001234", LocalDate.of(1985, 1, 1), PROVINCES)).hasSize(1);
    }

    @Test
    void acceptsALegacyCmndButKnowsItIsOne() {
        assertThat(CitizenId.check("090123456", LocalDate.of(1970, 1, 1), PROVINCES)).isEmpty();
        assertThat(CitizenId.kind("090 123 456")).isEqualTo(CitizenId.Kind.CMND);
    }

    @Test
    void refusesOtherLengthsAndLetters() {
        assertThat(CitizenId.check("01918500123", LocalDate.of(1985, 1, 1), PROVINCES))
                .extracting(Violation::messageKey).containsExactly("trader.cccd.format");
        assertThat(CitizenId.check("01918500123A", null, PROVINCES))
                .extracting(Violation::messageKey).containsExactly("trader.cccd.format");
        assertThat(CitizenId.check(null, null, PROVINCES)).hasSize(1);
    }
}
