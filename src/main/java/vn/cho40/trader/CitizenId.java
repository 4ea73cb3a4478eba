package vn.cho40.trader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.cho40.shared.Violation;

/**
 * Checks a citizen identity number. A 12-digit CCCD is: 3-digit province of birth registration (0 + the
 * province's statistical code), a century-and-gender digit (0/1 = 1900s man/woman, 2/3 = 2000s, 4/5 =
 * 2100s, 6/7 = 2200s, 8/9 = 1800s), the last two digits of the birth year, then 6 random digits. The
 * legacy 9-digit CMND is still accepted but flagged: it cannot be checked and has to be replaced.
 */
public final class CitizenId {

    public enum Kind { CCCD, CMND }

    public record Checked(String number, Kind kind) {
    }

    private CitizenId() {
    }

    public static String digits(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s.\\-]", "");
    }

    /** The problems with this number for someone born on {@code birthDate}; empty when it is acceptable. */
    public static List<Violation> check(String raw, LocalDate birthDate, Set<String> provinceCodes) {
        List<Violation> problems = new ArrayList<>();
        String n = digits(raw);
        if (n.matches("[0-9]{9}")) {
            return problems;
        }
        if (!n.matches("[0-9]{12}")) {
            problems.add(Violation.of("idNumber", "trader.cccd.format"));
            return problems;
        }
        String province = n.substring(0, 3);
        if (!province.startsWith("0") || !provinceCodes.contains(province.substring(1))) {
            problems.add(Violation.of("idNumber", "trader.cccd.province", province));
        }
        if (birthDate != null) {
            int centuryDigit = n.charAt(3) - '0';
            int century = switch (centuryDigit / 2) {
                case 0 -> 1900;
                case 1 -> 2000;
                case 2 -> 2100;
                case 3 -> 2200;
                default -> 1800;
            };
            int year = century + Integer.parseInt(n.substring(4, 6));
            if (year != birthDate.getYear()) {
                problems.add(Violation.of("idNumber", "trader.cccd.birthYear", String.valueOf(year),
                        String.valueOf(birthDate.getYear())));
            }
        }
        return problems;
    }

    public static Kind kind(String raw) {
        return digits(raw).length() == 9 ? Kind.CMND : Kind.CCCD;
    }
}
