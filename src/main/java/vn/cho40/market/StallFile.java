package vn.cho40.market;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cho40.shared.TableFile;

/** A stall list file: code, optional zone name, goods category, area. */
final class StallFile {

    private static final Map<String, List<String>> ALIASES = Map.of(
            "code", List.of("ma quay", "ma", "quay", "code", "stall", "stall code"),
            "zone", List.of("khu", "ten khu", "day", "zone", "zone name"),
            "category", List.of("nganh hang", "mat hang", "category", "goods"),
            "area", List.of("dien tich", "dien tich m2", "dien tich m", "area", "area m2"));
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("code", "ma_quay");
        REQUIRED.put("category", "nganh_hang");
        REQUIRED.put("area", "dien_tich_m2");
    }

    record Line(int number, String code, String zone, String category, String area) {
    }

    private StallFile() {
    }

    static List<Line> read(String filename, byte[] content) {
        return TableFile.read(filename, content, ALIASES, REQUIRED).stream()
                .map(l -> new Line(l.number(), l.get("code"), l.get("zone"), l.get("category"), l.get("area")))
                .toList();
    }
}
