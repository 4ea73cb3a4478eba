package vn.cho40.shared;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code a payer's transfer text carries so a payment finds its bill or sale (PROVIDERS.md §3):
 * {@code C40} + 7 characters + 1 check character, from an alphabet without look-alikes (no O/0, I/1).
 * Banks mangle the text (prefixes, lost diacritics, dots and dashes, split codes); {@link #findIn} copes with
 * that and refuses to choose when two different valid codes appear. Pure: no Spring, no database.
 */
public final class PaymentCode {

    public static final String PREFIX = "C40";
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int BODY = 7;
    public static final int LENGTH = PREFIX.length() + BODY + 1;

    // The prefix then 8 code characters, a single space allowed between any two (a split code).
    private static final Pattern CANDIDATE = Pattern.compile(
            "C ?4 ?0((?: ?[" + ALPHABET + "]){" + (BODY + 1) + "})(?![" + ALPHABET + "])");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PaymentCode() {
    }

    public static String generate() {
        return generate(RANDOM);
    }

    public static String generate(RandomGenerator random) {
        StringBuilder body = new StringBuilder(BODY);
        for (int i = 0; i < BODY; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return PREFIX + body + checkCharacter(body);
    }

    /** A well-formed code with a correct check character (after upper-casing and removing spaces). */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        String c = code.replace(" ", "").toUpperCase(Locale.ROOT);
        if (c.length() != LENGTH || !c.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(c.substring(PREFIX.length(), LENGTH - 1)) == c.charAt(LENGTH - 1);
    }

    /** What {@link #findIn} saw in a transfer text. */
    public sealed interface Found {
        record None() implements Found {
        }

        record One(String code) implements Found {
        }

        /** Two different valid codes: a person decides, never the machine. */
        record Ambiguous(Set<String> codes) implements Found {
        }
    }

    public static Found findIn(String transferText) {
        if (transferText == null || transferText.isBlank()) {
            return new Found.None();
        }
        String text = SearchText.fold(transferText).toUpperCase(Locale.ROOT);
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String code = PREFIX + m.group(1).replace(" ", "");
            if (isValid(code)) {
                codes.add(code);
            }
            from = m.start() + 1;
        }
        return switch (codes.size()) {
            case 0 -> new Found.None();
            case 1 -> new Found.One(codes.iterator().next());
            default -> new Found.Ambiguous(Set.copyOf(codes));
        };
    }

    public static Optional<String> single(String transferText) {
        return findIn(transferText) instanceof Found.One(String code) ? Optional.of(code) : Optional.empty();
    }

    /** Luhn mod N over the alphabet: catches every single-character error and most adjacent swaps. */
    static char checkCharacter(CharSequence body) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }
}
