package vn.cho40.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.Violation;

class ActivityRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-10T03:00:00Z");

    private static ActivityRules.Entry resident(Instant at, boolean consent) {
        return new ActivityRules.Entry(UUID.randomUUID(), HelpKind.BANK_ACCOUNT, null, null, "Nguyễn Thị Hoa",
                "0912345678", consent, null, "Thôn Đồng", at, 15, null);
    }

    private static java.util.List<String> fields(ActivityRules.Entry e) {
        return ActivityRules.check(e, NOW).stream().map(Violation::field).toList();
    }

    @Test
    void aResidentWithConsentInThePastIsAccepted() {
        assertThat(ActivityRules.check(resident(NOW.minusSeconds(600), true), NOW)).isEmpty();
    }

    @Test
    void aFutureTimeIsRefusedBeyondTheClockSkew() {
        assertThat(fields(resident(NOW.plus(Duration.ofMinutes(4)), true))).isEmpty();
        assertThat(ActivityRules.check(resident(NOW.plus(Duration.ofHours(1)), true), NOW))
                .extracting(Violation::messageKey).containsExactly("teams.activity.doneAt.future");
    }

    @Test
    void aResidentWithoutConsentIsRefused() {
        assertThat(ActivityRules.check(resident(NOW, false), NOW)).extracting(Violation::messageKey)
                .containsExactly("teams.activity.consent.required");
    }

    @Test
    void exactlyOneOfTraderOrResident() {
        var both = new ActivityRules.Entry(UUID.randomUUID(), HelpKind.TEACH_QR, null, UUID.randomUUID(), "A B",
                "0912345678", true, "TN-DAITU", null, NOW, 10, null);
        var neither = new ActivityRules.Entry(UUID.randomUUID(), HelpKind.TEACH_QR, null, null, null, null, false,
                "TN-DAITU", null, NOW, 10, null);
        assertThat(fields(both)).contains("whom");
        assertThat(fields(neither)).contains("whom");
    }

    @Test
    void installingAnAppNamesTheAppAndOtherNeedsNotes() {
        var app = new ActivityRules.Entry(UUID.randomUUID(), HelpKind.INSTALL_APP, " ", UUID.randomUUID(), null, null,
                false, "TN-DAITU", null, NOW, 10, null);
        var other = new ActivityRules.Entry(UUID.randomUUID(), HelpKind.OTHER, null, UUID.randomUUID(), null, null,
                false, "TN-DAITU", null, NOW, 10, "");
        assertThat(fields(app)).containsExactly("appName");
        assertThat(fields(other)).containsExactly("notes");
    }

    @Test
    void durationAndPlaceAreRequired() {
        var e = new ActivityRules.Entry(null, HelpKind.STALL_QR, null, UUID.randomUUID(), null, null, false, null, " ",
                NOW, 0, null);
        assertThat(fields(e)).containsExactlyInAnyOrder("clientId", "where", "minutes");
    }

    @Test
    void photosAreCheckedByTheirBytesAndSize() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
        assertThat(ActivityRules.photoAcceptable(png, "image/png")).isTrue();
        assertThat(ActivityRules.photoAcceptable(jpeg, "image/jpeg")).isTrue();
        assertThat(ActivityRules.photoAcceptable(png, "image/jpeg")).as("bytes that are not what they claim").isFalse();
        assertThat(ActivityRules.photoAcceptable("<svg/>".getBytes(), "image/svg+xml")).isFalse();
        byte[] big = new byte[ActivityRules.MAX_PHOTO_BYTES + 1];
        big[0] = (byte) 0xff;
        big[1] = (byte) 0xd8;
        assertThat(ActivityRules.photoAcceptable(big, "image/jpeg")).isFalse();
    }

    @Test
    void theAuthorCorrectsWithinSevenDaysTheOfficerAlways() {
        Instant recorded = NOW.minus(Duration.ofDays(6));
        assertThat(ActivityRules.mayCorrect(true, false, recorded, NOW)).isTrue();
        assertThat(ActivityRules.mayCorrect(true, false, NOW.minus(Duration.ofDays(8)), NOW)).isFalse();
        assertThat(ActivityRules.mayCorrect(false, true, NOW.minus(Duration.ofDays(80)), NOW)).isTrue();
        assertThat(ActivityRules.mayCorrect(false, false, recorded, NOW)).isFalse();
    }
}
