package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsWithDotsAndTheDongSign() {
        assertThat(Money.vnd(50_000).format()).isEqualTo("50.000\u00a0₫");
        assertThat(Money.vnd(3_300_000_000L).format()).isEqualTo("3.300.000.000\u00a0₫");
        assertThat(Money.vnd(999).format()).isEqualTo("999\u00a0₫");
        assertThat(Money.vnd(0).format()).isEqualTo("0\u00a0₫");
        assertThat(Money.vnd(-1_500).format()).isEqualTo("-1.500\u00a0₫");
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Money.vnd(125_000).plus(Money.vnd(5_000)).minus(Money.vnd(30_000))).isEqualTo(Money.vnd(100_000));
        assertThat(Money.vnd(2_900).times(3)).isEqualTo(Money.vnd(8_700));
        assertThatThrownBy(() -> Money.vnd(Long.MAX_VALUE).plus(Money.vnd(1))).isInstanceOf(ArithmeticException.class);
    }

    @org.junit.jupiter.api.Test
    void typedAmountsAreWholeDongOrRefused() {
        org.assertj.core.api.Assertions.assertThat(Money.parse("50000")).contains(Money.vnd(50_000));
        org.assertj.core.api.Assertions.assertThat(Money.parse("50.000")).contains(Money.vnd(50_000));
        org.assertj.core.api.Assertions.assertThat(Money.parse("1,250,000 đ")).contains(Money.vnd(1_250_000));
        org.assertj.core.api.Assertions.assertThat(Money.parse("50k")).contains(Money.vnd(50_000));
        org.assertj.core.api.Assertions.assertThat(Money.parse("50,5")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(Money.parse("-5000")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(Money.parse("abc")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(Money.parse("")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void totalsHoldAtTheLongsRangeInsteadOfWrappingAround() {
        long eleven = 0;
        for (int i = 0; i < 11; i++) {
            eleven = Money.saturatedSum(eleven, 900_000_000_000_000_000L);
        }
        org.assertj.core.api.Assertions.assertThat(eleven).isEqualTo(Long.MAX_VALUE);
        org.assertj.core.api.Assertions.assertThat(Money.saturatedSum(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        org.assertj.core.api.Assertions.assertThat(Money.saturatedSum(45_000, 30_000)).isEqualTo(75_000);
    }
}
