package vn.cho40.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action the code writes to the audit log has a label in both languages: a missing one showed the raw key
 * ("??audit.X_vi??") in the log, too long for a phone's screen and in no one's language.
 */
class AuditLabelsTest {

    private static final Pattern ACTION = Pattern.compile("audit\\.record\\((?:[\\w.]+ \\? )?\"([A-Z_]+)\"(?! \\+)(?: : \"([A-Z_]+)\")?");

    @Test
    void everyAuditedActionIsNamedInVietnameseAndEnglish() throws IOException {
        TreeSet<String> actions = new TreeSet<>(List.of("QR_SWAP", "QR_REVOKED")); // "QR_" + the inspection's outcome
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = ACTION.matcher(Files.readString(f));
                while (m.find()) {
                    actions.add(m.group(1));
                    if (m.group(2) != null) {
                        actions.add(m.group(2));
                    }
                }
            }
        }
        assertThat(actions).hasSizeGreaterThan(15);
        for (String suffix : List.of("", "_en")) {
            String bundle = "i18n/*" + suffix + ".properties";
            Properties p = Bundles.load(suffix);
            List<String> missing = new ArrayList<>();
            actions.stream().filter(a -> !p.containsKey("audit." + a)).forEach(missing::add);
            assertThat(missing).as("audit actions without a label in %s", bundle).isEmpty();
        }
    }
}
