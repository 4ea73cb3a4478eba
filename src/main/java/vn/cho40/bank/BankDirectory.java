package vn.cho40.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The NAPAS BIN list shipped in the jar (data/napas_bins.csv). Immutable, safe to share. */
public final class BankDirectory {

    private static final BankDirectory SHIPPED = load("data/napas_bins.csv");

    private final Map<String, Bank> byBin;

    private BankDirectory(Map<String, Bank> byBin) {
        this.byBin = byBin;
    }

    public static BankDirectory shipped() {
        return SHIPPED;
    }

    public Optional<Bank> byBin(String bin) {
        return Optional.ofNullable(bin == null ? null : byBin.get(bin));
    }

    /**
     * The bank a provider names in words ("Vietcombank", "VCB", "MB Bank"): its short name or code, ignoring case,
     * spaces and dashes. Empty when no bank has that name: the payment then names no bank, never a guessed one.
     */
    public Optional<Bank> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = nameKey(name);
        return byBin.values().stream().filter(b -> nameKey(b.shortName()).equals(key) || nameKey(b.code()).equals(key))
                .findFirst();
    }

    private static String nameKey(String name) {
        return name.replaceAll("[\\s\\-_.]", "").toLowerCase(Locale.ROOT);
    }

    /** Banks then wallets, each by short name: the order a person scans a drop-down in. */
    public List<Bank> all() {
        return byBin.values().stream()
                .sorted(Comparator.comparing(Bank::kind).thenComparing(b -> b.shortName().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** BIN → short name ("970436" → "Vietcombank"), for screens. */
    public Map<String, String> shortNames() {
        Map<String, String> names = new LinkedHashMap<>();
        byBin.forEach((bin, bank) -> names.put(bin, bank.shortName()));
        return names;
    }

    public Collection<String> bins() {
        return byBin.keySet();
    }

    private static BankDirectory load(String resource) {
        try (InputStream in = BankDirectory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Map<String, Bank> banks = new LinkedHashMap<>();
            var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                banks.put(r.get("bin"), new Bank(r.get("bin"), r.get("code"), r.get("short_name"), r.get("name"),
                        Bank.Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT))));
            }
            return new BankDirectory(Map.copyOf(banks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
