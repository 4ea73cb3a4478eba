package vn.cho40.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The one place where facts become Vietnamese display text: dates dd/MM/yyyy in Asia/Ho_Chi_Minh. */
public final class VnFormats {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private VnFormats() {
    }

    /** A month as Vietnamese writes it: 11/2026. */
    public static String month(java.time.YearMonth month) {
        return String.format("%02d/%d", month.getMonthValue(), month.getYear());
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A date as typed: dd/MM/yyyy (also d/M/yyyy), or yyyy-MM-dd as date pickers send it. */
    public static java.util.Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (String pattern : new String[] {"d/M/uuuu", "uuuu-MM-dd"}) {
            try {
                return java.util.Optional.of(LocalDate.parse(text.strip(), DateTimeFormatter.ofPattern(pattern)
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT)));
            } catch (java.time.format.DateTimeParseException e) {
                // try the next form
            }
        }
        return java.util.Optional.empty();
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VIETNAM));
    }

    public static LocalDate businessDate(Instant instant) {
        return instant.atZone(VIETNAM).toLocalDate();
    }

    public static String groupThousands(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return value < 0 ? "-" + out : out.toString();
    }

    /** Area like "12,5": Vietnamese uses the comma as decimal separator. */
    public static String decimal(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
