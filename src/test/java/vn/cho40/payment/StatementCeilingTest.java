package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.InvalidInputException;

/** A statement line above cho40.payments.max-amount-vnd is refused with its line number, like a webhook's amount. */
class StatementCeilingTest {

    private static final String CSV = """
            Số tài khoản,1004200079190
            Ngày giao dịch,Số tham chiếu,Số tiền ghi có,Số tiền ghi nợ,Số dư,Nội dung
            01/12/2026,FT1,50000,,50000,rau
            02/12/2026,FT2,%s,,%s,C40HXQPRPRJ
            """;

    private static Statement read(String amount, String balance) {
        var rows = StatementTable.rows("s.csv", CSV.formatted(amount, balance).getBytes(StandardCharsets.UTF_8));
        return StatementTable.read(rows, StatementTable.detect(rows));
    }

    @Test
    void aLineAboveTheCeilingIsRefusedWithItsNumber() {
        Statement fine = read("10000000000", "10000050000");
        assertThat(Statements.refuseAbove(fine, 10_000_000_000L)).isSameAs(fine);
        assertThatThrownBy(() -> Statements.refuseAbove(read("900000000000000000", "900000000000050000"),
                10_000_000_000L)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().getFirst().messageKey()).isEqualTo("statement.line.aboveCeiling");
                    assertThat(e.violations().getFirst().args()).containsExactly(4, "900.000.000.000.000.000\u00a0₫",
                            "10.000.000.000\u00a0₫");
                });
    }
}
