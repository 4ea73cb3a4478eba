package vn.cho40.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/** The message bundles named in spring.messages.basename, merged per language ("" Vietnamese, "_en" English). */
final class Bundles {

    private Bundles() {
    }

    static String[] basenames() {
        Properties app = read("application.properties");
        return Arrays.stream(app.getProperty("spring.messages.basename").split(",")).map(String::trim)
                .toArray(String[]::new);
    }

    static Properties load(String suffix) {
        Properties merged = new Properties();
        for (String basename : basenames()) {
            merged.putAll(read(basename + suffix + ".properties"));
        }
        return merged;
    }

    static Properties read(String resource) {
        Properties p = new Properties();
        try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
