package vn.cho40.trader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HolderNameTest {

    @Test
    void matchesIgnoringDiacriticsCaseAndSpacing() {
        assertThat(HolderName.matches("NGUYEN THI HOA", "Nguyễn Thị Hoa")).isTrue();
        assertThat(HolderName.matches("  dang  van   duc ", "Đặng Văn Đức")).isTrue();
        assertThat(HolderName.bankStyle("Đặng Văn Đức")).isEqualTo("DANG VAN DUC");
    }

    @Test
    void aDifferentPersonDoesNotMatch() {
        assertThat(HolderName.matches("NGUYEN THI HOA", "Nguyễn Thị Hòa Bình")).isFalse();
        assertThat(HolderName.matches("NGUYEN VAN HOA", "Nguyễn Thị Hoa")).isFalse();
        assertThat(HolderName.matches("", "Nguyễn Thị Hoa")).isFalse();
    }
}
