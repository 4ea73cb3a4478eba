package vn.cho40.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The OCOP product groups, from data/ocop/groups.csv (Decision 148/QĐ-TTg, 2023): data, not code. */
public final class OcopGroups {

    /** A group: its code, and its names in Vietnamese and English. */
    public record Group(String code, String nameVi, String nameEn) {
    }

    private static final List<Group> ALL = load();

    private OcopGroups() {
    }

    public static List<Group> all() {
        return ALL;
    }

    public static Optional<Group> find(String code) {
        return ALL.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    private static List<Group> load() {
        try (InputStream in = OcopGroups.class.getResourceAsStream("/data/ocop/groups.csv")) {
            if (in == null) {
                throw new IllegalStateException("data/ocop/groups.csv missing from the jar");
            }
            List<Group> groups = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                groups.add(new Group(r.get("code"), r.get("name_vi"), r.get("name_en")));
            }
            return List.copyOf(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
