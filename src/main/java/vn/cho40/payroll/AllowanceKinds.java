package vn.cho40.payroll;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The allowance kinds of data/payroll/allowance-kinds.csv: whether income tax and insurance apply, and why. */
public final class AllowanceKinds {

    /** One kind of allowance. */
    public record Kind(String code, boolean taxable, boolean insurable, String source) {
    }

    private static final Map<String, Kind> KINDS = load();

    private AllowanceKinds() {
    }

    public static Map<String, Kind> all() {
        return KINDS;
    }

    public static Optional<Kind> find(String code) {
        return Optional.ofNullable(KINDS.get(code));
    }

    private static Map<String, Kind> load() {
        try (InputStream in = AllowanceKinds.class.getResourceAsStream("/data/payroll/allowance-kinds.csv")) {
            Map<String, Kind> kinds = new LinkedHashMap<>();
            for (String line : new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 4);
                kinds.put(f[0].strip(), new Kind(f[0].strip(), Boolean.parseBoolean(f[1].strip()),
                        Boolean.parseBoolean(f[2].strip()), f[3].strip()));
            }
            return Map.copyOf(kinds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
