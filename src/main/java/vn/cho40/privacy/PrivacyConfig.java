package vn.cho40.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keys from configuration: {@code CHO40_DATA_KEYS} (encryption key ring) and {@code CHO40_INDEX_KEY}
 * (lookup hashes). With a real database they are required. With the embedded demo database, keys are made
 * once and kept beside its data (mode 600), since that data lives on the same disk anyway.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfig {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfig.class);

    @Bean
    FieldCipher fieldCipher(@Value("${cho40.privacy.data-keys:}") String dataKeys,
                            @Value("${cho40.privacy.index-key:}") String indexKey,
                            @Value("${cho40.database-url:}") String databaseUrl,
                            @Value("${cho40.data-dir}") String dataDir) throws IOException {
        if (dataKeys.isBlank() || indexKey.isBlank()) {
            if (!databaseUrl.isBlank()) {
                throw new IllegalStateException("Đặt CHO40_DATA_KEYS và CHO40_INDEX_KEY khi dùng DATABASE_URL "
                        + "(set CHO40_DATA_KEYS and CHO40_INDEX_KEY with a real database; see docs/operations.md)");
            }
            Properties local = localKeys(Path.of(dataDir).toAbsolutePath().resolve("keys.properties"));
            dataKeys = dataKeys.isBlank() ? local.getProperty("data-keys") : dataKeys;
            indexKey = indexKey.isBlank() ? local.getProperty("index-key") : indexKey;
        }
        return new FieldCipher(KeyRing.parse(dataKeys), Base64.getDecoder().decode(indexKey.strip()));
    }

    private static Properties localKeys(Path file) throws IOException {
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                keys.load(in);
            }
            return keys;
        }
        Files.createDirectories(file.getParent());
        keys.setProperty("data-keys", "k1:" + random32());
        keys.setProperty("index-key", random32());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            keys.store(out, "cho40 embedded-database keys; never copy into the repository");
        }
        log.info("Tạo khóa mã hóa cho CSDL nhúng tại {} (made local encryption keys)", file);
        return keys;
    }

    private static String random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
