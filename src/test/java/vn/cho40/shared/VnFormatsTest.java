package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VnFormatsTest {

    @Test
    void showsInstantsInVietnamTime() {
        // 18:30 UTC is already the next day in Hà Nội (UTC+7).
        Instant instant = Instant.parse("2026-11-24T18:30:00Z");
        assertThat(VnFormats.dateTime(instant)).isEqualTo("25/11/2026 01:30");
        assertThat(VnFormats.businessDate(instant)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(VnFormats.date(LocalDate.of(2022, 4, 28))).isEqualTo("28/04/2022");
    }

    @Test
    void decimalsUseTheComma() {
        assertThat(VnFormats.decimal(new BigDecimal("7.50"))).isEqualTo("7,5");
    }
}
