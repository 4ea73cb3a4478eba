package vn.cho40.shared;

import java.util.Optional;
import java.util.Set;

/**
 * Vietnamese mobile numbers: 10 digits starting 0 with a carrier prefix. "+84 912 345 678", "84912345678"
 * and "0912.345.678" all normalize to "0912345678".
 */
public final class PhoneNumber {

    /** Mobile prefixes in use since the 2018 renumbering (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile, Itel, Reddi, Wintel). */
    private static final Set<String> PREFIXES = Set.of(
            "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
            "081", "082", "083", "084", "085", "088", "091", "094",
            "070", "076", "077", "078", "079", "089", "090", "093",
            "052", "056", "058", "092",
            "059", "099",
            "087",
            "055");

    private PhoneNumber() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s.\\-()]", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        if (!digits.matches("0[0-9]{9}") || !PREFIXES.contains(digits.substring(0, 3))) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }
}
