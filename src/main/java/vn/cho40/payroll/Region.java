package vn.cho40.payroll;

import java.util.Locale;
import java.util.Optional;

/** The four regions of the regional minimum wage; a workplace's region sets the unemployment-insurance ceiling. */
public enum Region {
    I, II, III, IV;

    /** "I", "ii", "3" or "IV" as typed; empty when it is none of the four. */
    public static Optional<Region> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "I", "1" -> Optional.of(I);
            case "II", "2" -> Optional.of(II);
            case "III", "3" -> Optional.of(III);
            case "IV", "4" -> Optional.of(IV);
            default -> Optional.empty();
        };
    }
}
