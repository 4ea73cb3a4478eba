package vn.cho40.payment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * Webhook secrets for the demo only: made at random on the demo's first start and kept beside its embedded
 * database ({@code CHO40_DEMO_DIR/demo-webhook-secrets.properties}, mode 600), so that {@code ./cho40 simulate
 * payments} can sign for a demo server with nothing configured, and no secret ever sits in the repository.
 */
public final class DemoWebhookSecrets {

    static final String FILE = "demo-webhook-secrets.properties";
    public static final String DIRECT_PARTNER = "demo-wallet";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DemoWebhookSecrets() {
    }

    /** The secrets in {@code dataDir}, created on first use. Keys are ProviderSecrets.Name keys plus "direct". */
    public static Properties loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // demos before 2026-12 wrote it world-readable
                return read(file);
            }
            Properties p = new Properties();
            SecureRandom random = new SecureRandom();
            for (ProviderSecrets.Name name : ProviderSecrets.Name.values()) {
                p.setProperty(name.key(), secret(random));
            }
            p.setProperty("direct", secret(random));
            Files.createDirectories(dataDir);
            // Owner only from the first byte, like keys.properties: whoever holds these can credit any demo trader.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "cho40 demo only: random webhook secrets for the simulator");
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SePay API key of a demo market's own provider account, as a board that signed up with SePay itself would
     * have one: derived from the demo's random direct secret, so nothing more is stored and the simulator can sign.
     */
    public static String marketSePayKey(Properties generated, String marketCode) {
        return Signatures.hmacHex("HmacSHA256", generated.getProperty("direct"),
                ("market-sepay:" + marketCode).getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }

    /** The file if a demo has run with this data directory, else null. */
    public static Properties existing(Path dataDir) {
        try {
            return Files.exists(dataDir.resolve(FILE)) ? read(dataDir.resolve(FILE)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static String secret(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
