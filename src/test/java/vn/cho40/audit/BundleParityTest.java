package vn.cho40.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every text has both languages: a key only in Vietnamese shows Vietnamese to an English reader, a key only in
 * English shows English first to everyone else. Each module keeps its own bundle pair; no key is in two modules.
 */
class BundleParityTest {

    @Test
    void everyKeyIsInBothLanguages() {
        for (String basename : Bundles.basenames()) {
            Properties vi = Bundles.read(basename + ".properties");
            Properties en = Bundles.read(basename + "_en.properties");
            TreeSet<Object> onlyVi = new TreeSet<>(vi.keySet());
            onlyVi.removeAll(en.keySet());
            TreeSet<Object> onlyEn = new TreeSet<>(en.keySet());
            onlyEn.removeAll(vi.keySet());
            assertThat(onlyVi).as("keys of %s without English", basename).isEmpty();
            assertThat(onlyEn).as("keys of %s without Vietnamese", basename).isEmpty();
        }
    }

    @Test
    void noKeyIsDefinedByTwoModules() {
        TreeSet<Object> seen = new TreeSet<>();
        TreeSet<Object> twice = new TreeSet<>();
        for (String basename : Bundles.basenames()) {
            for (Object key : Bundles.read(basename + ".properties").keySet()) {
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    /** A key written twice in one file silently keeps the last: a label once became its own error message so. */
    @Test
    void noKeyIsWrittenTwiceInAFile() throws java.io.IOException {
        java.util.List<String> twice = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/i18n"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    int eq = line.indexOf('=');
                    if (line.isBlank() || line.startsWith("#") || eq < 0) {
                        continue;
                    }
                    if (!seen.add(line.substring(0, eq).strip())) {
                        twice.add(f.getFileName() + ": " + line.substring(0, eq).strip());
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(twice).isEmpty();
    }
}
