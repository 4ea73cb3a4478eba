package vn.cho40.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.Violation;

/** The rules of a reading: meters only count up, a new meter starts again, an unusual jump must be confirmed. */
class ReadingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final LocalDate INSTALLED = LocalDate.of(2026, 8, 1);

    /** 100 kWh a month (about 3.3 a day) since August, last read 1 December at 1,400. */
    private static ReadingRules.MeterState meter() {
        return new ReadingRules.MeterState("E-1", "kWh", INSTALLED, 1_000, null, null, List.of(
                new ReadingRules.Point(LocalDate.of(2026, 9, 1), 1_100),
                new ReadingRules.Point(LocalDate.of(2026, 10, 1), 1_200),
                new ReadingRules.Point(LocalDate.of(2026, 11, 1), 1_300),
                new ReadingRules.Point(LocalDate.of(2026, 12, 1), 1_400)));
    }

    private static List<String> keys(ReadingRules.Verdict v) {
        return v.violations().stream().map(x -> x.field() + ":" + x.messageKey()).toList();
    }

    @Test
    void aNormalReadingIsAccepted() {
        ReadingRules.Verdict v = ReadingRules.check(meter(), TODAY, 1_410, false, TODAY);
        assertThat(v.accepted()).isTrue();
        assertThat(v.jump()).isFalse();
    }

    @Test
    void aReadingLowerThanThePreviousOneIsRefusedNamingTheValueField() {
        ReadingRules.Verdict v = ReadingRules.check(meter(), TODAY, 1_399, false, TODAY);
        assertThat(keys(v)).containsExactly("value:metering.reading.lower");
        assertThat(v.violations().getFirst().args()).contains("1.399", "1.400", "kWh", "01/12/2026");
    }

    @Test
    void aReplacedMeterStartsFromItsOwnInitialReadingSoALowerValueIsFine() {
        // The old meter ended at 1,400; the new one was installed on 2 December reading 5.
        ReadingRules.MeterState replacement = new ReadingRules.MeterState("E-2", "kWh", LocalDate.of(2026, 12, 2), 5,
                null, null, List.of());
        ReadingRules.Verdict v = ReadingRules.check(replacement, TODAY, 12, false, TODAY);
        assertThat(v.accepted()).isTrue();
        assertThat(ReadingRules.check(replacement, TODAY, 4, false, TODAY).violations())
                .extracting(Violation::messageKey).containsExactly("metering.reading.lower");
    }

    @Test
    void anUnusualJumpNeedsConfirmationAndIsAcceptedOnceConfirmed() {
        // 2 days at about 3.3 a day would be 6-7 kWh; 50 is well over three times that.
        ReadingRules.Verdict asked = ReadingRules.check(meter(), TODAY, 1_450, false, TODAY);
        assertThat(keys(asked)).containsExactly("confirmJump:metering.reading.jump");
        assertThat(asked.jump()).isTrue();
        Violation jump = asked.violations().getFirst();
        long usual = Long.parseLong(jump.args().get(3).toString().replace(".", ""));
        long used = Long.parseLong(jump.args().get(0).toString().replace(".", ""));
        assertThat(jump.args().get(4)).as("how many times the usual use, not just 'more than 3'")
                .isEqualTo(String.valueOf(used / usual));
        ReadingRules.Verdict confirmed = ReadingRules.check(meter(), TODAY, 1_450, true, TODAY);
        assertThat(confirmed.accepted()).isTrue();
        assertThat(confirmed.jump()).as("saved with jump_confirmed").isTrue();
    }

    @Test
    void theJumpThresholdIsThreeTimesTheAveragePerDay() {
        // 400 kWh over 122 days (1 Aug – 1 Dec): 30 days later the usual is 98.4 kWh, three times that 295.1.
        LocalDate later = LocalDate.of(2026, 12, 31);
        assertThat(ReadingRules.check(meter(), later, 1_695, false, later).jump()).isFalse();
        assertThat(ReadingRules.check(meter(), later, 1_696, false, later).jump()).isTrue();
    }

    @Test
    void aMeterJustReplacedIsJudgedByTheStallsEarlierMeters() {
        // The old meter used 400 kWh in 122 days; the new one, installed on 1 December at 0, reads 60 two days later.
        ReadingRules.MeterState replacement = new ReadingRules.MeterState("E-2", "kWh", LocalDate.of(2026, 12, 1), 0,
                null, null, List.of(), 400, 122);
        assertThat(keys(ReadingRules.check(replacement, TODAY, 60, false, TODAY)))
                .containsExactly("confirmJump:metering.reading.jump");
        assertThat(ReadingRules.check(replacement, TODAY, 15, false, TODAY).accepted()).isTrue();
    }

    @Test
    void withoutHistoryThereIsNoJump() {
        ReadingRules.MeterState fresh = new ReadingRules.MeterState("E-3", "kWh", LocalDate.of(2026, 11, 1), 0, null,
                null, List.of());
        assertThat(ReadingRules.check(fresh, TODAY, 99_999, false, TODAY).accepted()).isTrue();
        ReadingRules.MeterState unused = new ReadingRules.MeterState("E-4", "kWh", INSTALLED, 10, null, null,
                List.of(new ReadingRules.Point(LocalDate.of(2026, 11, 1), 10)));
        assertThat(ReadingRules.check(unused, TODAY, 500, false, TODAY).accepted())
                .as("no consumption yet: nothing to compare with").isTrue();
    }

    @Test
    void aSecondReadingTheSameDayIsRefusedClearly() {
        ReadingRules.Verdict v = ReadingRules.check(meter(), LocalDate.of(2026, 12, 1), 1_400, false, TODAY);
        assertThat(keys(v)).containsExactly("readOn:metering.reading.duplicate");
        assertThat(v.violations().getFirst().args()).contains("E-1", "01/12/2026", "1.400");
    }

    @Test
    void datesOutsideTheMetersLifeAreRefused() {
        assertThat(keys(ReadingRules.check(meter(), TODAY.plusDays(1), 1_410, false, TODAY)))
                .containsExactly("readOn:metering.reading.future");
        assertThat(keys(ReadingRules.check(meter(), INSTALLED.minusDays(1), 1_000, false, TODAY)))
                .containsExactly("readOn:metering.reading.beforeInstalled");
        ReadingRules.MeterState removed = new ReadingRules.MeterState("E-1", "kWh", INSTALLED, 1_000,
                LocalDate.of(2026, 12, 2), 1_405L, meter().readings());
        assertThat(keys(ReadingRules.check(removed, TODAY, 1_410, false, TODAY)))
                .containsExactly("readOn:metering.reading.afterRemoved");
    }

    @Test
    void aBackDatedReadingMustFitBetweenItsNeighbours() {
        LocalDate mid = LocalDate.of(2026, 11, 15);
        assertThat(ReadingRules.check(meter(), mid, 1_350, false, TODAY).accepted()).isTrue();
        assertThat(keys(ReadingRules.check(meter(), mid, 1_401, false, TODAY)))
                .containsExactly("value:metering.reading.higherThanNext");
    }

    @Test
    void typedValuesAreDigitsOnly() {
        List<Violation> v = new ArrayList<>();
        assertThat(ReadingRules.parseValue("1.234", v, "value")).contains(1_234L);
        assertThat(ReadingRules.parseValue(" 56 ", v, "value")).contains(56L);
        assertThat(v).isEmpty();
        assertThat(ReadingRules.parseValue("-5", v, "value")).isEmpty();
        assertThat(ReadingRules.parseValue("12,5", v, "value")).isEmpty();
        assertThat(ReadingRules.parseValue("1234567890", v, "value")).isEmpty();
        assertThat(ReadingRules.parseValue("", v, "value")).isEmpty();
        assertThat(v).extracting(Violation::messageKey).containsExactly("metering.reading.value.invalid",
                "metering.reading.value.invalid", "metering.reading.value.invalid", "metering.reading.value.missing");
    }
}
