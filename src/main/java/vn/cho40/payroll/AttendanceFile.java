package vn.cho40.payroll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.cho40.shared.RowProblem;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.TableFile;

/**
 * A file of days worked in one month, pure: the first row naming a name column and a days column is the header; a
 * person is found by name (without diacritics, any case), and by the last four digits of the CCCD when two people
 * share a name. Every problem is reported with its line; the file is taken whole or not at all.
 */
final class AttendanceFile {

    static final List<String> NAME = List.of("ho va ten", "ho ten", "ten", "full name", "name");
    static final List<String> ID4 = List.of("cccd (4 so cuoi)", "cccd", "4 so cuoi cccd", "id (last 4)", "id");
    static final List<String> DAYS = List.of("ngay cong", "so ngay cong", "ngay lam viec", "so ngay lam viec",
            "days worked", "days");

    private AttendanceFile() {
    }

    /** One person's days in the file: its line, the person, how many days, and how many they could have worked. */
    record Row(int line, StaffMember person, int days, int possible) {
    }

    /** What the import would save, or every problem; nothing saved yet. */
    record Preview(List<Row> rows, List<RowProblem> problems) {
        public boolean valid() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    /**
     * @param roster the people employed in the month, with the working days each could have worked (by their dates)
     */
    static Preview check(List<TableFile.Row> rows, Map<StaffMember, Integer> roster) {
        List<RowProblem> problems = new ArrayList<>();
        List<Row> found = new ArrayList<>();
        int header = -1;
        int name = -1;
        int id4 = -1;
        int days = -1;
        for (int i = 0; i < Math.min(rows.size(), 20) && header < 0; i++) {
            List<String> cells = rows.get(i).cells();
            name = index(cells, NAME);
            id4 = index(cells, ID4);
            days = index(cells, DAYS);
            if (name >= 0 && days >= 0) {
                header = i;
            }
        }
        if (header < 0) {
            problems.add(RowProblem.of(rows.isEmpty() ? 1 : rows.getFirst().number(), "file",
                    "payroll.attendance.header"));
            return new Preview(found, problems);
        }
        Map<String, List<StaffMember>> byName = new HashMap<>();
        roster.keySet().forEach(s -> byName.computeIfAbsent(fold(s.fullName()), k -> new ArrayList<>()).add(s));
        Set<UUID> seen = new HashSet<>();
        for (TableFile.Row row : rows.subList(header + 1, rows.size())) {
            String who = row.cell(name).strip();
            List<StaffMember> same = byName.getOrDefault(fold(who), List.of());
            String last4 = id4 >= 0 ? row.cell(id4).replaceAll("\\D", "") : "";
            if (same.size() > 1 && !last4.isEmpty()) {
                String four = last4.length() > 4 ? last4.substring(last4.length() - 4) : last4;
                same = same.stream().filter(s -> s.idLast4().equals(four)).toList();
            }
            if (same.isEmpty()) {
                problems.add(RowProblem.of(row.number(), "name", "payroll.attendance.unknown", who));
                continue;
            }
            if (same.size() > 1) {
                problems.add(RowProblem.of(row.number(), "name", "payroll.attendance.sameName", who));
                continue;
            }
            StaffMember person = same.getFirst();
            int possible = roster.get(person);
            String text = row.cell(days).strip().replace(",0", "").replace(".0", "");
            if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) > possible) {
                problems.add(RowProblem.of(row.number(), "days", "payroll.attendance.days", who, possible));
                continue;
            }
            if (!seen.add(person.id())) {
                problems.add(RowProblem.of(row.number(), "name", "payroll.attendance.twice", who));
                continue;
            }
            found.add(new Row(row.number(), person, Integer.parseInt(text), possible));
        }
        if (found.isEmpty() && problems.isEmpty()) {
            problems.add(RowProblem.of(rows.get(header).number(), "file", "payroll.attendance.noRows"));
        }
        return new Preview(found, problems);
    }

    /** The column whose header is one of the names, compared on letters and digits only. */
    private static int index(List<String> cells, List<String> names) {
        List<String> wanted = names.stream().map(AttendanceFile::letters).toList();
        for (int c = 0; c < cells.size(); c++) {
            if (wanted.contains(letters(cells.get(c)))) {
                return c;
            }
        }
        return -1;
    }

    private static String letters(String s) {
        return fold(s).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static String fold(String s) {
        return SearchText.fold(s == null ? "" : s).strip().replaceAll("\\s+", " ");
    }
}
