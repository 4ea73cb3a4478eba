package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArrearsAgingTest {

    @Test
    void billsAgeInTheBucketsBoardsReport() {
        LocalDate due = LocalDate.of(2026, 10, 10);
        assertThat(ArrearsAging.of(due, LocalDate.of(2026, 10, 10))).as("due today").isEqualTo(ArrearsAging.NOT_DUE);
        assertThat(ArrearsAging.of(due, LocalDate.of(2026, 10, 11))).isEqualTo(ArrearsAging.DAYS_1_30);
        assertThat(ArrearsAging.of(due, LocalDate.of(2026, 11, 9))).as("30 days").isEqualTo(ArrearsAging.DAYS_1_30);
        assertThat(ArrearsAging.of(due, LocalDate.of(2026, 11, 10))).as("31 days").isEqualTo(ArrearsAging.DAYS_31_60);
        assertThat(ArrearsAging.of(due, LocalDate.of(2026, 12, 9))).as("60 days").isEqualTo(ArrearsAging.DAYS_31_60);
        assertThat(ArrearsAging.of(due, LocalDate.of(2027, 1, 8))).as("90 days").isEqualTo(ArrearsAging.DAYS_61_90);
        assertThat(ArrearsAging.of(due, LocalDate.of(2027, 1, 9))).as("91 days").isEqualTo(ArrearsAging.OVER_90);
    }
}
