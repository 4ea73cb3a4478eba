package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.RowProblem;
import vn.cho40.shared.TableFile;

/** A file of days worked checked line by line against the month's roster; nothing half taken. */
class AttendanceFileTest {

    private static StaffMember person(String name, String last4) {
        return new StaffMember(UUID.randomUUID(), UUID.randomUUID(), name, last4, null, "970415", "1234", null, null,
                "Thu ngân", StaffMember.ContractKind.FIXED, null, 8_000_000L, 0, LocalDate.of(2026, 1, 1), null,
                List.of());
    }

    private static final StaffMember HOA = person("Nguyễn Thị Hoà", "1111");
    private static final StaffMember AN_1 = person("Lê Văn An", "2222");
    private static final StaffMember AN_2 = person("Lê Văn An", "3333");
    private static final StaffMember NEW = person("Trần Văn Mới", "4444");

    private static Map<StaffMember, Integer> roster() {
        Map<StaffMember, Integer> r = new LinkedHashMap<>();
        r.put(HOA, 21);
        r.put(AN_1, 21);
        r.put(AN_2, 21);
        r.put(NEW, 10); // started mid-month: at most 10 days
        return r;
    }

    private static AttendanceFile.Preview check(String csv) {
        return AttendanceFile.check(TableFile.rows("d.csv", csv.getBytes(StandardCharsets.UTF_8), 100), roster());
    }

    @Test
    void namesWithoutDiacriticsAndTheLastFourDigitsFindEachPerson() {
        AttendanceFile.Preview p = check("""
                Ban quan ly cho Dai Tu,,
                Ho va ten,CCCD (4 so cuoi),Ngay cong
                NGUYEN THI HOA,,18
                Lê Văn An,019222222222,20
                Lê Văn An,3333,21
                Trần Văn Mới,,10
                """);
        assertThat(p.problems()).isEmpty();
        assertThat(p.valid()).isTrue();
        assertThat(p.rows()).extracting(r -> r.person().idLast4(), AttendanceFile.Row::days)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1111", 18),
                        org.assertj.core.groups.Tuple.tuple("2222", 20), org.assertj.core.groups.Tuple.tuple("3333", 21),
                        org.assertj.core.groups.Tuple.tuple("4444", 10));
        assertThat(p.rows().getFirst().line()).isEqualTo(3);
    }

    @Test
    void everyWrongLineIsNamedWithItsNumberAndNothingIsTaken() {
        AttendanceFile.Preview p = check("""
                Họ và tên,Ngày công
                Nguyễn Thị Hoà,18
                Nguyễn Thị Hoà,19
                Lê Văn An,20
                Trần Văn Mới,11
                Phạm Không Có,5
                Nguyễn Thị Hoà,-1
                """);
        assertThat(p.valid()).isFalse();
        assertThat(p.problems()).extracting(RowProblem::line, RowProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "payroll.attendance.twice"),
                org.assertj.core.groups.Tuple.tuple(4, "payroll.attendance.sameName"),
                org.assertj.core.groups.Tuple.tuple(5, "payroll.attendance.days"),
                org.assertj.core.groups.Tuple.tuple(6, "payroll.attendance.unknown"),
                org.assertj.core.groups.Tuple.tuple(7, "payroll.attendance.days"));
        assertThat(p.problems().get(2).args()).containsExactly("Trần Văn Mới", 10);
    }

    @Test
    void aFileWithoutTheColumnsOrWithoutLinesIsRefused() {
        assertThat(check("Ten quay,So tien\nA1,5\n").problems()).extracting(RowProblem::messageKey)
                .containsExactly("payroll.attendance.header");
        assertThat(check("Ho va ten,Ngay cong\n").problems()).extracting(RowProblem::messageKey)
                .containsExactly("payroll.attendance.noRows");
    }

    @Test
    void aSpreadsheetWithATitleAboveTheHeaderReadsTheSame() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (vn.cho40.shared.XlsxTable t = new vn.cho40.shared.XlsxTable("Ngay cong", List.of(
                new vn.cho40.shared.XlsxTable.Column("Họ và tên", vn.cho40.shared.XlsxTable.Kind.TEXT, 20),
                new vn.cho40.shared.XlsxTable.Column("CCCD (4 số cuối)", vn.cho40.shared.XlsxTable.Kind.TEXT, 8),
                new vn.cho40.shared.XlsxTable.Column("Ngày công", vn.cho40.shared.XlsxTable.Kind.COUNT, 8)))) {
            t.line("Bảng chấm công tháng 11/2026", true);
            t.header();
            t.row("Nguyễn Thị Hoà", "1111", 19L);
            t.row("Lê Văn An", "3333", 0L);
            t.writeTo(out);
        }
        AttendanceFile.Preview p = AttendanceFile.check(TableFile.rows("cham-cong.xlsx", out.toByteArray(), 100),
                roster());
        assertThat(p.problems()).isEmpty();
        assertThat(p.rows()).extracting(r -> r.person().idLast4(), AttendanceFile.Row::days).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1111", 19), org.assertj.core.groups.Tuple.tuple("3333", 0));
    }
}
