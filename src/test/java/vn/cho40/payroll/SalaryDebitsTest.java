package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.TableFile;

/** Salary debits of a statement matched to a run's transfers. */
class SalaryDebitsTest {

    private static PayrollLine line(String ref, long net, PayrollLine.PaymentStatus status) {
        PayCalculator.Result pay = new PayCalculator.Result("t", net, 0, 0, 0, net, 0, 0, 0, 0, 0, 0, 0, 0, net, 0, 0, 0, 0);
        return new PayrollLine(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "N", "P", "970415", "1234", 22,
                22, 0, pay, ref, status, null, null, null, false);
    }

    private static List<SalaryDebits.Debit> read(String csv) {
        return SalaryDebits.read(TableFile.rows("s.csv", csv.getBytes(StandardCharsets.UTF_8), 100));
    }

    @Test
    void aStatementsDebitsAreRead() {
        List<SalaryDebits.Debit> debits = read("""
                Số tài khoản,1004220193450
                Ngày giao dịch,Số tham chiếu,Ghi nợ,Ghi có,Nội dung
                03/12/2026,FT1,5.000.000,,C40L0000000001 LUONG 11/2026
                03/12/2026,FT2,,77000,C40RBVS2GEM banh
                """);
        assertThat(debits).singleElement().satisfies(d -> {
            assertThat(d.amountVnd()).isEqualTo(5_000_000);
            assertThat(d.description()).startsWith("C40L0000000001");
        });
    }

    @Test
    void aDebitWithAReferencePaysThatLineAndAWrongAmountIsRefused() {
        PayrollLine a = line("C40L0000000001", 5_000_000, PayrollLine.PaymentStatus.SENT);
        PayrollLine b = line("C40L0000000002", 6_000_000, PayrollLine.PaymentStatus.SENT);
        SalaryDebits.Matched m = SalaryDebits.match(List.of(new SalaryDebits.Debit(3, 5_000_000, "C40L0000000001 LUONG")),
                List.of(a, b));
        assertThat(m.paid()).containsExactly(a.id());
        assertThat(m.problems()).isEmpty();
        SalaryDebits.Matched wrong = SalaryDebits.match(List.of(new SalaryDebits.Debit(3, 4_000_000,
                "C40L0000000001")), List.of(a, b));
        assertThat(wrong.problems()).singleElement().satisfies(v -> assertThat(v.messageKey())
                .isEqualTo("payroll.statement.amount"));
    }

    @Test
    void oneDebitOfTheFilesTotalPaysEveryLineSent() {
        PayrollLine a = line("C40L0000000001", 5_000_000, PayrollLine.PaymentStatus.SENT);
        PayrollLine b = line("C40L0000000002", 6_000_000, PayrollLine.PaymentStatus.SENT);
        PayrollLine paid = line("C40L0000000003", 7_000_000, PayrollLine.PaymentStatus.PAID);
        SalaryDebits.Matched m = SalaryDebits.match(List.of(new SalaryDebits.Debit(3, 11_000_000, "CHI LUONG T11")),
                List.of(a, b, paid));
        assertThat(m.paid()).containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void aDebitWithoutReferenceMatchingTwoLinesIsRefusedAndOtherDebitsAreIgnored() {
        PayrollLine a = line("C40L0000000001", 5_000_000, PayrollLine.PaymentStatus.PENDING);
        PayrollLine b = line("C40L0000000002", 5_000_000, PayrollLine.PaymentStatus.PENDING);
        PayrollLine c = line("C40L0000000003", 6_000_000, PayrollLine.PaymentStatus.FAILED);
        SalaryDebits.Matched m = SalaryDebits.match(List.of(new SalaryDebits.Debit(3, 5_000_000, "CK"),
                new SalaryDebits.Debit(4, 6_000_000, "CK"), new SalaryDebits.Debit(5, 123_000, "PHI DIEN")),
                List.of(a, b, c));
        assertThat(m.paid()).containsExactly(c.id());
        assertThat(m.problems()).singleElement().satisfies(v -> assertThat(v.messageKey())
                .isEqualTo("payroll.statement.ambiguous"));
    }
}
