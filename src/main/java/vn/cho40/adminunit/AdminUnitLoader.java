package vn.cho40.adminunit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.shared.SearchText;

/**
 * Loads the shipped administrative-unit files. Idempotent: each file's checksum is recorded, a file
 * already loaded is skipped, and rows are inserted with ON CONFLICT DO NOTHING.
 */
@Service
public class AdminUnitLoader {

    private static final Logger log = LoggerFactory.getLogger(AdminUnitLoader.class);
    private static final String DIR = "data/adminunits/";
    private static final int BATCH_ROWS = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AdminUnitLoader(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads whatever is not loaded yet; returns the number of rows inserted (0 on a second run). */
    @Transactional
    public int loadAll() {
        // One loader at a time, also across processes starting together on one database.
        jdbc.execute("SELECT pg_advisory_xact_lock(190701)");
        int inserted = loadUnits("admin_units_2025.csv", "2025");
        inserted += loadUnits("admin_units_pre2025.csv", "pre2025");
        inserted += loadMapping("admin_unit_mapping_2025.csv");
        if (inserted > 0) {
            log.info("Đã nạp {} dòng đơn vị hành chính (loaded administrative units)", inserted);
        }
        return inserted;
    }

    private int loadUnits(String file, String regime) {
        byte[] bytes = read(file);
        if (alreadyLoaded(file, bytes)) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        for (CSVRecord r : parse(bytes)) {
            String level = r.get("level");
            rows.add(new Object[] {regime, r.get("code"), SearchText.clean(r.get("name")), level,
                    emptyToNull(r.get("parent_code")), r.get("type"), SearchText.fold(r.get("name"))});
        }
        int inserted = batchInsert("""
                INSERT INTO admin_unit (regime, code, name, level, parent_code, unit_type, search_key)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
        markLoaded(file, bytes, rows.size());
        return inserted;
    }

    private int loadMapping(String file) {
        byte[] bytes = read(file);
        if (alreadyLoaded(file, bytes)) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        for (CSVRecord r : parse(bytes)) {
            rows.add(new Object[] {emptyToNull(r.get("old_commune_code")), r.get("new_commune_code"),
                    r.get("old_province_code"), r.get("new_province_code"), emptyToNull(r.get("old_district_code")),
                    SearchText.clean(r.get("old_name")), SearchText.clean(r.get("new_name")), r.get("relation"),
                    emptyToNull(r.get("note_vi"))});
        }
        int inserted = batchInsert("""
                INSERT INTO admin_unit_mapping (old_commune_code, new_commune_code, old_province_code,
                    new_province_code, old_district_code, old_name, new_name, relation, note_vi)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
        markLoaded(file, bytes, rows.size());
        return inserted;
    }

    private int batchInsert(String sql, List<Object[]> rows) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            for (int count : jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS)))) {
                inserted += Math.max(count, 0);
            }
        }
        return inserted;
    }

    private boolean alreadyLoaded(String file, byte[] bytes) {
        List<String> sums = jdbc.queryForList("SELECT checksum FROM reference_data_load WHERE name = ?",
                String.class, file);
        return sums.contains(sha256(bytes));
    }

    private void markLoaded(String file, byte[] bytes, int rows) {
        jdbc.update("""
                INSERT INTO reference_data_load (name, checksum, rows, loaded_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, rows = excluded.rows,
                    loaded_at = excluded.loaded_at""",
                file, sha256(bytes), rows, Timestamp.from(clock.instant()));
    }

    private static Iterable<CSVRecord> parse(byte[] bytes) {
        try {
            Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = new ClassPathResource(DIR + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("missing reference file " + file, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
