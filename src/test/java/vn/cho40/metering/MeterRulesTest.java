package vn.cho40.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.Violation;

/** What a board types when it installs or replaces a meter. */
class MeterRulesTest {

    @Test
    void serialsAreCapitalisedAndCheckedNamingTheField() {
        List<Violation> v = new ArrayList<>();
        assertThat(MeterRules.serial(" dt-0012/a ", "serial", v)).contains("DT-0012/A");
        assertThat(MeterRules.serial("số 12", "newSerial", v)).isEmpty();
        assertThat(MeterRules.serial("", "serial", v)).isEmpty();
        assertThat(v).extracting(x -> x.field() + ":" + x.messageKey())
                .containsExactly("newSerial:metering.serial.invalid", "serial:metering.serial.missing");
    }

    @Test
    void kindsInVietnameseOrEnglish() {
        List<Violation> v = new ArrayList<>();
        assertThat(MeterRules.kind("Điện", "kind", v)).contains(MeterKind.ELECTRICITY);
        assertThat(MeterRules.kind("nuoc", "kind", v)).contains(MeterKind.WATER);
        assertThat(MeterRules.kind("WATER", "kind", v)).contains(MeterKind.WATER);
        assertThat(MeterRules.kind("gas", "kind", v)).isEmpty();
        assertThat(v).extracting(Violation::messageKey).containsExactly("metering.kind.invalid");
    }

    @Test
    void aReplacementClosesTheOldMeterNoEarlierAndNoLowerThanItsLastReading() {
        ReadingRules.MeterState old = new ReadingRules.MeterState("E-1", "kWh", LocalDate.of(2026, 8, 1), 1_000, null,
                null, List.of(new ReadingRules.Point(LocalDate.of(2026, 12, 1), 1_400)));
        LocalDate today = LocalDate.of(2026, 12, 3);
        List<Violation> fine = new ArrayList<>();
        MeterRules.checkRemoval(old, LocalDate.of(2026, 12, 2), 1_420, today, fine);
        assertThat(fine).isEmpty();
        List<Violation> bad = new ArrayList<>();
        MeterRules.checkRemoval(old, LocalDate.of(2026, 11, 30), 1_390, today, bad);
        assertThat(bad).extracting(x -> x.field() + ":" + x.messageKey()).containsExactly(
                "removedOn:metering.replace.beforeLast", "finalReading:metering.replace.finalLower");
    }
}
