package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StallSearchTest {

    @Test
    void eachWordBeginsTheStallCodeOrAWordOfTheTradersName() {
        assertThat(StallSearch.matches("a-01", "A-01", "Nguyễn Thị Lan")).isTrue();
        assertThat(StallSearch.matches("a01", "A-01", "Nguyễn Thị Lan")).isTrue();
        assertThat(StallSearch.matches("lan", "A-01", "Nguyễn Thị Lan")).isTrue();
        assertThat(StallSearch.matches("NGUYEN lan", "A-01", "Nguyễn Thị Lan")).isTrue();
        assertThat(StallSearch.matches("dang", "B-2", "Đặng Văn Hùng")).as("Đ folds to d").isTrue();
        assertThat(StallSearch.matches("an", "A-01", "Nguyễn Thị Lan")).as("inside a word is not a match").isFalse();
        assertThat(StallSearch.matches("b-01", "A-01", "Nguyễn Thị Lan")).isFalse();
        assertThat(StallSearch.matches("", "A-01", null)).isTrue();
    }
}
