package vn.cho40.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's made-up traders (market, stall, phone, account) in its own data folder,
 * {@code CHO40_DEMO_DIR/demo-traders.csv}, mode 600: how the simulator, the benchmarks and the crash test find whom
 * to pay and whom to log in as. A file, not an endpoint: no web request, signed in or not, lists people's phones
 * and accounts, and only the operator who owns the demo's folder can read it. Pure Java: the command line reads it
 * without starting Spring.
 */
public final class DemoTradersFile {

    public static final String FILE = "demo-traders.csv";
    static final String HEADER = "market,stall,phone,account";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** One stall's trader; {@code account} is the number the stall is paid into (a wallet's is the phone). */
    public record Entry(String market, String stall, String phone, String account) {
    }

    private DemoTradersFile() {
    }

    /**
     * Replaces the file in one step (written aside, then renamed), owner-only from its first byte: a script waiting
     * for it never reads half a file, and a server restarted under load (the crash test) rewrites it safely.
     */
    static void write(Path dataDir, List<Entry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries) {
            csv.append(e.market()).append(',').append(e.stall()).append(',').append(e.phone()).append(',')
                    .append(e.account()).append('\n');
        }
        try {
            Files.createDirectories(dataDir);
            Path aside = Files.createTempFile(dataDir, FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(aside, csv, StandardCharsets.UTF_8);
            Files.move(aside, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The traders a demo with this data folder wrote, or empty when no demo has run there. */
    public static Optional<List<Entry>> read(Path dataDir) {
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
                String[] f = line.split(",", -1);
                if (f.length == 4 && !line.equals(HEADER)) {
                    entries.add(new Entry(f[0], f[1], f[2], f[3]));
                }
            }
            return Optional.of(entries);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The accounts of one market's stalls in that file (empty list: no such market in the demo). */
    public static Optional<List<String>> accounts(Path dataDir, String market) {
        return read(dataDir).map(all -> all.stream().filter(e -> e.market().equalsIgnoreCase(market.strip()))
                .map(Entry::account).toList());
    }
}
