package vn.cho40.market;

import vn.cho40.shared.RowProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.cho40.shared.SearchText;

/** The checks on one stall, shared by the form, the API and every row of an import. No Spring. */
final class StallRules {

    static final BigDecimal MAX_AREA_M2 = new BigDecimal("10000");
    private static final String CODE = "[A-Z0-9]{1,10}-[A-Z0-9]{1,10}";

    private StallRules() {
    }

    /** "a 12", "A-12", "a-012" → "A-12"/"A-012": upper case, one hyphen between zone and number. */
    static String normalizeCode(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = SearchText.upperAscii(raw).replace(' ', '-');
        return folded.replaceAll("-+", "-");
    }

    /** Checks one stall; returns the draft or adds to {@code problems} and returns empty. */
    static Optional<StallDraft> check(int line, String rawCode, String rawZoneName, String rawCategory,
                                      String rawArea, List<RowProblem> problems) {
        int before = problems.size();
        String code = normalizeCode(rawCode);
        if (code.isEmpty()) {
            problems.add(RowProblem.of(line, "code", "stall.code.required"));
        } else if (!code.matches(CODE)) {
            problems.add(RowProblem.of(line, "code", "stall.code.invalid", rawCode.strip()));
        }
        Optional<GoodsCategory> category = GoodsCategory.parse(rawCategory);
        if (category.isEmpty()) {
            problems.add(RowProblem.of(line, "category", rawCategory == null || rawCategory.isBlank()
                    ? "stall.category.required" : "stall.category.unknown", String.valueOf(rawCategory).strip(),
                    String.join(", ", GoodsCategory.namesVi())));
        }
        BigDecimal area = parseArea(line, rawArea, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        String zone = code.substring(0, code.indexOf('-'));
        String zoneName = rawZoneName == null || rawZoneName.isBlank() ? "Khu " + zone : SearchText.clean(rawZoneName);
        return Optional.of(new StallDraft(line, code, zone, zoneName, category.orElseThrow(), area));
    }

    private static BigDecimal parseArea(int line, String raw, List<RowProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(RowProblem.of(line, "areaM2", "stall.area.required"));
            return null;
        }
        try {
            // Vietnamese writes 12,5; spreadsheets write 12.5. Both mean twelve and a half.
            BigDecimal area = new BigDecimal(raw.strip().replace(',', '.'));
            if (area.signum() <= 0 || area.compareTo(MAX_AREA_M2) > 0 || area.scale() > 2) {
                problems.add(RowProblem.of(line, "areaM2", "stall.area.range", raw.strip()));
                return null;
            }
            return area.stripTrailingZeros().scale() < 0 ? area.setScale(0) : area.stripTrailingZeros();
        } catch (NumberFormatException e) {
            problems.add(RowProblem.of(line, "areaM2", "stall.area.notNumber", raw.strip()));
            return null;
        }
    }

    static List<RowProblem> duplicates(List<StallDraft> drafts) {
        List<RowProblem> problems = new ArrayList<>();
        java.util.Map<String, Integer> firstLine = new java.util.HashMap<>();
        for (StallDraft d : drafts) {
            Integer first = firstLine.putIfAbsent(d.code(), d.line());
            if (first != null) {
                problems.add(RowProblem.of(d.line(), "code", "stall.code.duplicateInFile", d.code(), String.valueOf(first)));
            }
        }
        return problems;
    }
}
