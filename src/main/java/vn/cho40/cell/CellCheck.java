package vn.cho40.cell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ./cho40 cell check}: every row of this database whose province (its own {@code province_code}, or its
 * market's) is not one this cell holds. Found from the schema, not from a list, so a table added later is checked
 * too. Exit 0 and "OK" when there is none, 1 otherwise.
 */
@Component
public class CellCheck {

    /** Rows shown per table and column; the count says how many there are in all. */
    static final int SHOWN_PER_TABLE = 10;

    private final JdbcTemplate jdbc;
    private final CellMap map;

    public CellCheck(JdbcTemplate jdbc, CellMap map) {
        this.jdbc = jdbc;
        this.map = map;
    }

    public int run(PrintStream out) {
        if (map.isSingle()) {
            out.println("OK: cho40.cell.provinces trống, cơ sở dữ liệu này giữ mọi tỉnh "
                    + "(no cell configured: this database holds every province)");
            return 0;
        }
        String[] own = map.ownProvinces().toArray(String[]::new);
        long foreign = 0;
        for (Map<String, Object> column : provinceColumns()) {
            foreign += check(out, (String) column.get("table_name"), (String) column.get("column_name"), own);
        }
        if (foreign == 0) {
            out.println("OK: mọi dòng thuộc tỉnh " + map.ownList() + " (every row belongs to this cell's provinces)");
            return 0;
        }
        out.println(foreign + " dòng thuộc tỉnh ngoài cụm này (" + map.ownList() + "): chuyển chúng sang cụm của tỉnh "
                + "đó rồi xóa ở đây (rows of provinces outside this cell: move them to their cell, then delete them here)");
        return 1;
    }

    /** Every (table, column) naming a province or a market, in this schema; market's own id is no reference. */
    private List<Map<String, Object>> provinceColumns() {
        return jdbc.queryForList("""
                SELECT c.table_name::text AS table_name, c.column_name::text AS column_name
                FROM information_schema.columns c JOIN information_schema.tables t
                    ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                WHERE c.table_schema = current_schema() AND c.column_name IN ('province_code', 'market_id')
                ORDER BY 1, 2""");
    }

    private long check(PrintStream out, String table, String column, String[] own) {
        boolean byMarket = column.equals("market_id");
        String province = byMarket ? "m.province_code" : "t.province_code";
        String sql = "SELECT " + rowId(table) + " AS row_id, " + province + " AS province, count(*) OVER () AS total"
                + " FROM " + quote(table) + " t"
                + (byMarket ? " JOIN market m ON m.id = t.market_id" : "")
                + " WHERE " + province + " IS NOT NULL AND " + province + " <> ALL (?::text[]) LIMIT " + SHOWN_PER_TABLE;
        List<Map<String, Object>> rows = jdbc.queryForList(sql, (Object) own);
        if (rows.isEmpty()) {
            return 0;
        }
        long total = ((Number) rows.getFirst().get("total")).longValue();
        out.printf("%s.%s: %d%n", table, column, total);
        rows.forEach(r -> out.printf("  %s  tỉnh (province) %s%n", r.get("row_id"), r.get("province")));
        return total;
    }

    /** The row's id when it has one, else its physical address: enough to find it again. */
    private String rowId(String table) {
        Integer ids = jdbc.queryForObject("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'id'""", Integer.class, table);
        return ids != null && ids > 0 ? "t.id::text" : "t.ctid::text";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
