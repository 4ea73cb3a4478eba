package vn.cho40.einvoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The boards' signing keys: one PKCS#12 store named by {@code CHO40_EINVOICE_KEYSTORE} (password
 * {@code CHO40_EINVOICE_KEYSTORE_PASSWORD}), an entry per board under its market code in lower case, or a single
 * entry that signs for every board of a deployment. The demo, given no store, keeps one of its own in its data
 * folder, with a self-signed certificate per board made the first time a board signs.
 */
@Component
class SigningKeyring {

    private final Path store;
    private final char[] password;
    private final boolean demo;
    private final Clock clock;

    SigningKeyring(@Value("${cho40.einvoice.keystore:}") String store,
                   @Value("${cho40.einvoice.keystore-password:}") String password,
                   @Value("${cho40.demo.enabled:false}") boolean demo,
                   @Value("${cho40.data-dir}") String dataDir, Clock clock) {
        this.demo = demo && store.isBlank();
        this.store = this.demo ? Path.of(dataDir).toAbsolutePath().resolve("einvoice-demo.p12")
                : store.isBlank() ? null : Path.of(store);
        // The demo's store protects nothing real; its password is written next to it.
        this.password = this.demo ? demoPassword(Path.of(dataDir)) : password.toCharArray();
        this.clock = clock;
    }

    /**
     * The store as last read, and the keys taken from it: reading a PKCS#12 file and unwrapping a key each derive the
     * password 10,000 times over (about 40 ms a document when every document read the file). Read again when the file
     * changes on disk (a renewed certificate put in place by the operator).
     */
    private KeyStore loaded;
    private java.nio.file.attribute.FileTime loadedModified;
    private final java.util.Map<String, SigningKeys> unwrapped = new java.util.HashMap<>();

    /** The keys that sign for this market, or empty when the deployment has none for it. */
    synchronized Optional<SigningKeys> forMarket(String marketCode, String sellerName, String taxCode) {
        if (store == null) {
            return Optional.empty();
        }
        try {
            KeyStore ks = current();
            String alias = marketCode.toLowerCase(Locale.ROOT);
            SigningKeys known = unwrapped.get(alias);
            if (known != null) {
                return Optional.of(known);
            }
            if (ks.isKeyEntry(alias)) {
                SigningKeys found = keys(ks, alias);
                unwrapped.put(alias, found);
                return Optional.of(found);
            }
            var keyAliases = Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).toList();
            if (!demo && keyAliases.size() == 1) {
                return Optional.of(keys(ks, keyAliases.getFirst()));
            }
            if (!demo) {
                return Optional.empty();
            }
            SigningKeys made = SigningKeys.selfSigned(sellerName, taxCode, clock.instant().minus(Duration.ofDays(1)),
                    Duration.ofDays(3 * 365));
            ks.setKeyEntry(alias, made.privateKey(), password, new java.security.cert.Certificate[] {made.certificate()});
            Files.createDirectories(store.getParent());
            try (OutputStream out = Files.newOutputStream(store)) {
                ks.store(out, password);
            }
            return Optional.of(made);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the e-invoice key store cannot be read: " + store, e);
        }
    }

    private KeyStore current() throws IOException, GeneralSecurityException {
        java.nio.file.attribute.FileTime modified = Files.exists(store) ? Files.getLastModifiedTime(store) : null;
        if (loaded != null && java.util.Objects.equals(modified, loadedModified)) {
            return loaded;
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        if (modified != null) {
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            }
        } else {
            ks.load(null, null);
        }
        unwrapped.clear();
        loaded = ks;
        loadedModified = modified;
        return ks;
    }

    private SigningKeys keys(KeyStore ks, String alias) throws GeneralSecurityException {
        return new SigningKeys((PrivateKey) ks.getKey(alias, password), (X509Certificate) ks.getCertificate(alias));
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static char[] demoPassword(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("einvoice-demo.password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[18];
                new java.security.SecureRandom().nextBytes(random);
                Files.writeString(file, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the demo's e-invoice key store password in " + file, e);
        }
    }
}
