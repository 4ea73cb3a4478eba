package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's webhook secrets can credit any demo trader: readable by their owner only, like keys.properties. */
class DemoWebhookSecretsTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsMadeOwnerOnly() throws IOException {
        var secrets = DemoWebhookSecrets.loadOrCreate(dir);
        Path file = dir.resolve(DemoWebhookSecrets.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(secrets.getProperty("direct")).hasSize(48);
        assertThat(DemoWebhookSecrets.loadOrCreate(dir)).isEqualTo(secrets);
        assertThat(DemoWebhookSecrets.existing(dir)).isEqualTo(secrets);
    }

    @Test
    void aWorldReadableFileFromAnEarlierDemoIsClosed() throws IOException {
        DemoWebhookSecrets.loadOrCreate(dir);
        Path file = dir.resolve(DemoWebhookSecrets.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        DemoWebhookSecrets.loadOrCreate(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
