package vn.cho40.metering;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/** Installing and replacing a stall's sub-meter: the fields a board types, checked free of Spring and SQL. */
public final class MeterRules {

    private MeterRules() {
    }

    /** A serial number as printed on the meter: letters, digits, dash, slash, dot; compared in capitals. */
    public static Optional<String> serial(String text, String field, List<Violation> violations) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (s.isEmpty()) {
            violations.add(Violation.of(field, "metering.serial.missing"));
            return Optional.empty();
        }
        if (!s.matches("[A-Z0-9][A-Z0-9./-]{0,39}")) {
            violations.add(Violation.of(field, "metering.serial.invalid", text.strip()));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** ĐIỆN, điện, dien, E, ELECTRICITY → electricity; NƯỚC, nuoc, N, W, WATER → water. */
    public static Optional<MeterKind> kind(String text, String field, List<Violation> violations) {
        String k = SearchText.fold(text == null ? "" : text);
        Optional<MeterKind> kind = switch (k) {
            case "dien", "e", "electricity", "cong to dien", "kwh" -> Optional.of(MeterKind.ELECTRICITY);
            case "nuoc", "n", "w", "water", "dong ho nuoc", "m3" -> Optional.of(MeterKind.WATER);
            default -> Optional.empty();
        };
        if (kind.isEmpty()) {
            violations.add(Violation.of(field, k.isEmpty() ? "metering.kind.missing" : "metering.kind.invalid",
                    text == null ? "" : text.strip()));
        }
        return kind;
    }

    /** A date typed as dd/mm/yyyy or ISO yyyy-mm-dd (a phone's date picker); empty gives {@code orElse}. */
    public static Optional<LocalDate> date(String text, LocalDate orElse, String field, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            if (orElse == null) {
                violations.add(Violation.of(field, "metering.date.missing"));
            }
            return Optional.ofNullable(orElse);
        }
        Optional<LocalDate> d = VnFormats.parseDate(text.strip());
        if (d.isEmpty()) {
            violations.add(Violation.of(field, "metering.date.invalid", text.strip()));
        }
        return d;
    }

    /** A register value typed in a form; empty gives {@code orElse}. */
    public static Optional<Long> register(String text, Long orElse, String field, List<Violation> violations) {
        if ((text == null || text.isBlank()) && orElse != null) {
            return Optional.of(orElse);
        }
        return ReadingRules.parseValue(text, violations, field);
    }

    /**
     * Closing the meter in service on {@code removedOn} at {@code finalReading}: never before its installation or
     * its last reading, never below the last reading, never in the future.
     */
    public static void checkRemoval(ReadingRules.MeterState old, LocalDate removedOn, long finalReading,
                                    LocalDate today, List<Violation> violations) {
        ReadingRules.Point last = old.last();
        if (removedOn.isAfter(today)) {
            violations.add(Violation.of("removedOn", "metering.reading.future", VnFormats.date(removedOn)));
        }
        if (removedOn.isBefore(last.on())) {
            violations.add(Violation.of("removedOn", "metering.replace.beforeLast", VnFormats.date(removedOn),
                    VnFormats.date(last.on())));
        }
        if (finalReading < last.value()) {
            violations.add(Violation.of("finalReading", "metering.replace.finalLower",
                    VnFormats.groupThousands(finalReading), VnFormats.groupThousands(last.value()), old.unit(),
                    VnFormats.date(last.on())));
        }
    }
}
