package vn.cho40.teams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.cho40.shared.PhoneNumber;
import vn.cho40.shared.Violation;

/** What makes a logged help acceptable, and who may correct it when. Pure: no Spring, no database. */
final class ActivityRules {

    /** The author corrects an entry within this many days of recording it; later only a commune officer. */
    static final Duration AUTHOR_CORRECTION_WINDOW = Duration.ofDays(7);
    /** A phone's clock may run a little ahead of the server's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_PHOTO_BYTES = 300 * 1024;
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private ActivityRules() {
    }

    /** One entry as typed on the phone; the trader or the resident, never both. */
    record Entry(java.util.UUID clientId, HelpKind kind, String appName, java.util.UUID traderId, String residentName,
                 String residentPhone, boolean residentConsent, String marketCode, String village, Instant doneAt,
                 Integer minutes, String notes) {
    }

    static List<Violation> check(Entry e, Instant now) {
        List<Violation> problems = new ArrayList<>();
        if (e.clientId() == null) {
            problems.add(Violation.of("clientId", "teams.activity.clientId.missing"));
        }
        if (e.kind() == null) {
            problems.add(Violation.of("kind", "teams.activity.kind.missing"));
        } else if (e.kind() == HelpKind.INSTALL_APP && blank(e.appName())) {
            problems.add(Violation.of("appName", "teams.activity.appName.missing"));
        } else if (e.kind() == HelpKind.OTHER && blank(e.notes())) {
            problems.add(Violation.of("notes", "teams.activity.notes.missing"));
        }
        boolean trader = e.traderId() != null;
        boolean resident = !blank(e.residentName());
        if (trader == resident) {
            problems.add(Violation.of("whom", "teams.activity.whom.one"));
        }
        if (resident) {
            if (e.residentName().strip().length() > 100) {
                problems.add(Violation.of("residentName", "teams.activity.residentName.long"));
            }
            if (PhoneNumber.normalize(e.residentPhone()).isEmpty()) {
                problems.add(Violation.of("residentPhone", "teams.activity.residentPhone.invalid"));
            }
            if (!e.residentConsent()) {
                problems.add(Violation.of("residentConsent", "teams.activity.consent.required"));
            }
        }
        if (blank(e.marketCode()) && blank(e.village())) {
            problems.add(Violation.of("where", "teams.activity.where.missing"));
        }
        if (e.doneAt() == null) {
            problems.add(Violation.of("doneAt", "teams.activity.doneAt.missing"));
        } else if (e.doneAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(Violation.of("doneAt", "teams.activity.doneAt.future"));
        } else if (e.doneAt().isBefore(now.minus(Duration.ofDays(366)))) {
            problems.add(Violation.of("doneAt", "teams.activity.doneAt.old"));
        }
        if (e.minutes() == null || e.minutes() < 1 || e.minutes() > 600) {
            problems.add(Violation.of("minutes", "teams.activity.minutes.range"));
        }
        if (e.notes() != null && e.notes().length() > 500) {
            problems.add(Violation.of("notes", "teams.activity.notes.long"));
        }
        return problems;
    }

    /** Whether the photo's bytes are the image type they claim, within the size limit. */
    static boolean photoAcceptable(byte[] bytes, String type) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_PHOTO_BYTES || !PHOTO_TYPES.contains(type)) {
            return false;
        }
        return switch (type) {
            case "image/jpeg" -> bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
            case "image/png" -> bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                    && bytes[3] == 'G';
            case "image/webp" -> bytes.length > 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[8] == 'W'
                    && bytes[9] == 'E';
            default -> false;
        };
    }

    /** Who may correct an entry: its author within the window, a commune officer (or above) at any time. */
    static boolean mayCorrect(boolean isAuthor, boolean isOfficer, Instant recordedAt, Instant now) {
        if (isOfficer) {
            return true;
        }
        return isAuthor && !now.isAfter(recordedAt.plus(AUTHOR_CORRECTION_WINDOW));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
