package vn.cho40.cell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.cho40.platform.DatabaseUrl;

/**
 * The province cells as this server sees them: the provinces its own database holds, and the other cells' database
 * URLs by province. No own province means one database holding every province (nothing is routed or refused).
 * Pure Java: parsing refuses what an operator could mistype, with the reason in Vietnamese then English.
 */
public record CellMap(Set<String> ownProvinces, Map<String, String> otherCells) {

    /** The 2025 province codes are two digits (01 Hà Nội ... 96 Cà Mau). */
    private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}");

    public static final CellMap SINGLE = new CellMap(Set.of(), Map.of());

    public CellMap {
        ownProvinces = Collections.unmodifiableSet(new LinkedHashSet<>(ownProvinces));
        otherCells = Collections.unmodifiableMap(new TreeMap<>(otherCells));
    }

    /**
     * From {@code cho40.cell.provinces} ("19,11") and {@code cho40.cells} (province → database URL). Entries for own
     * provinces are ignored: they are this database.
     */
    public static CellMap parse(String provinces, Map<String, String> cells) {
        Set<String> own = new LinkedHashSet<>();
        for (String part : (provinces == null ? "" : provinces).split(",")) {
            String code = part.strip();
            if (!code.isEmpty()) {
                own.add(province(code, "cho40.cell.provinces"));
            }
        }
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cells.entrySet()) {
            String code = province(e.getKey().strip(), "cho40.cells." + e.getKey());
            String url = e.getValue() == null ? "" : e.getValue().strip();
            if (own.contains(code)) {
                continue;
            }
            if (url.isEmpty()) {
                throw new IllegalArgumentException("cho40.cells." + code + " trống: ghi URL cơ sở dữ liệu của cụm giữ tỉnh "
                        + code + " (empty: give the database URL of the cell holding province " + code + ")");
            }
            try {
                DatabaseUrl.parse(url);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("cho40.cells." + code + ": " + bad.getMessage(), bad);
            }
            others.put(code, url);
        }
        if (own.isEmpty() && !others.isEmpty()) {
            throw new IllegalArgumentException("Có cho40.cells nhưng thiếu cho40.cell.provinces: một máy chủ giữ mọi tỉnh "
                    + "thì không chuyển gì đi đâu; ghi các tỉnh của cụm này (cho40.cells needs cho40.cell.provinces, the "
                    + "provinces this cell's database holds)");
        }
        return new CellMap(own, others);
    }

    private static String province(String code, String where) {
        if (!PROVINCE.matcher(code).matches()) {
            throw new IllegalArgumentException(where + ": \"" + code + "\" không phải mã tỉnh 2025 (hai chữ số, vd. 19) "
                    + "(not a 2025 province code: two digits, e.g. 19)");
        }
        return code;
    }

    /** One database for every province: today's deployment. */
    public boolean isSingle() {
        return ownProvinces.isEmpty();
    }

    /** Whether this server's database holds the province's rows. */
    public boolean holds(String provinceCode) {
        return isSingle() || ownProvinces.contains(provinceCode);
    }

    /** The other cells: each distinct database URL with the provinces it holds, in province order. */
    public Map<String, List<String>> provincesByUrl() {
        Map<String, List<String>> byUrl = new LinkedHashMap<>();
        otherCells.forEach((province, url) -> byUrl.computeIfAbsent(url, u -> new java.util.ArrayList<>()).add(province));
        byUrl.replaceAll((url, list) -> List.copyOf(list));
        return byUrl;
    }

    /** "19, 11": the own provinces as people read them in a message. */
    public String ownList() {
        return String.join(", ", ownProvinces);
    }

    /** "01, 02 | 11": the other cells' provinces, one group per cell, for a message. */
    public String othersList() {
        return String.join(" | ", provincesByUrl().values().stream().map(l -> String.join(", ", l)).toList());
    }
}
