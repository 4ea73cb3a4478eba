package vn.cho40.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must not be: shorter than 10, one character repeated, a run along the alphabet, the
 * digits or a keyboard row, a short pattern repeated, the username (or a part of it), or one of the passwords
 * tried first by every guessing tool (shipped in {@code identity/common-passwords.txt}). Pure Java.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    private static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890",
            "qazwsxedcrfvtgbyhnujmikolp"};
    private static final Set<String> COMMON = load("/identity/common-passwords.txt");

    private PasswordRules() {
    }

    /** The message key of the first problem, or empty when the password may be used. */
    static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("user.password.short");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() == 1) {
            return Optional.of("user.password.repeated");
        }
        if (isRun(lower) || repeatsShortPattern(lower) || alongKeyboard(lower)) {
            return Optional.of("user.password.sequence");
        }
        if (containsUsername(lower, username)) {
            return Optional.of("user.password.username");
        }
        if (COMMON.contains(letterAndDigits(lower))) {
            return Optional.of("user.password.common");
        }
        return Optional.empty();
    }

    /** Each character one step up (or each one step down) from the one before: 0123456789, abcdefghij. */
    private static boolean isRun(String s) {
        int step = s.charAt(1) - s.charAt(0);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) - s.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    /** 1212121212, abcabcabca, 12341234123: a unit of up to four characters over and over. */
    private static boolean repeatsShortPattern(String s) {
        for (int unit = 2; unit <= 4; unit++) {
            boolean repeats = true;
            for (int i = unit; i < s.length() && repeats; i++) {
                repeats = s.charAt(i) == s.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** The whole password is a stretch of one keyboard row (or its reverse), digits included. */
    private static boolean alongKeyboard(String s) {
        for (String row : KEYBOARD_ROWS) {
            if (row.contains(s) || new StringBuilder(row).reverse().toString().contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** The username, or any part of it of four letters or more (tinh.thainguyen → "thainguyen"). */
    private static boolean containsUsername(String password, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String name = username.toLowerCase(Locale.ROOT);
        if (password.contains(name) || password.contains(letterAndDigits(name))) {
            return true;
        }
        for (String part : name.split("[^\\p{L}\\p{N}]+")) {
            if (part.length() >= 4 && password.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static String letterAndDigits(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = letterAndDigits(line.strip().toLowerCase(Locale.ROOT));
                if (!word.isEmpty() && !line.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
