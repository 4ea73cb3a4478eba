package vn.cho40.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.TableFile;

/** Bank files read back with the project's own table reader: amounts and account numbers exact. */
class BankFileTest {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final List<BankFile.Transfer> TRANSFERS = List.of(
            new BankFile.Transfer("C40L000000000A", "0011223344", "Nguyễn Thị Hoà", "970415", 17_780_000),
            new BankFile.Transfer("C40L000000000B", "000123456789", "Trần Văn Đức", "970436", 5_475_601));

    @Test
    void everyShippedTemplateWritesAFileThatReadsBackExactly() {
        for (BankFile.Template t : BankFile.templates()) {
            List<BankFile.Transfer> mine = TRANSFERS.stream().filter(tr -> t.takes(tr.bin())).toList();
            BankFile.Written w = BankFile.write(t, "1234567890", NOV, "TN-DAITU", mine);
            assertThat(w.count()).isEqualTo(mine.size());
            assertThat(w.totalVnd()).isEqualTo(mine.stream().mapToLong(BankFile.Transfer::amountVnd).sum());
            List<TableFile.Row> rows = TableFile.rows(w.filename(), w.content(), 100);
            int header = 0;
            while (!rows.get(header).cells().contains("STT")) {
                header++;
            }
            List<String> headers = rows.get(header).cells();
            assertThat(headers).containsExactlyElementsOf(t.columns().values());
            List<TableFile.Row> data = rows.subList(header + 1, rows.size());
            assertThat(data).hasSize(mine.size());
            int account = headers.indexOf(t.columns().get("ACCOUNT"));
            int amount = headers.indexOf(t.columns().get("AMOUNT"));
            int name = headers.indexOf(t.columns().get("NAME"));
            int content = headers.indexOf(t.columns().get("CONTENT"));
            for (int i = 0; i < mine.size(); i++) {
                assertThat(data.get(i).cell(account)).as(t.code()).isEqualTo(mine.get(i).account());
                assertThat(data.get(i).cell(amount)).as(t.code()).isEqualTo(String.valueOf(mine.get(i).amountVnd()));
                assertThat(data.get(i).cell(content)).as(t.code()).startsWith(mine.get(i).ref()).endsWith("LUONG 11/2026");
            }
            assertThat(data.getFirst().cell(name)).isIn("NGUYEN THI HOA", "TRAN VAN DUC");
        }
    }

    @Test
    void aSameBankTemplateRefusesOtherBanksAccounts() {
        BankFile.Template vcb = BankFile.template("VCB_DIGIBIZ").orElseThrow();
        assertThat(vcb.takes("970436")).isTrue();
        assertThat(vcb.takes("970415")).isFalse();
        assertThatThrownBy(() -> BankFile.write(vcb, null, NOV, "X", TRANSFERS)).hasMessageContaining("own bank");
    }

    @Test
    void emptyOrZeroTransfersAreRefused() {
        BankFile.Template csv = BankFile.template("GENERIC_CSV").orElseThrow();
        assertThatThrownBy(() -> BankFile.write(csv, null, NOV, "X", List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new BankFile.Transfer("r", "1", "n", "970415", 0)).hasMessageContaining("positive");
    }

    @Test
    void contentKeepsTheReferenceWithinTheLimit() {
        assertThat(BankFile.content("C40L0123456789", NOV, 50)).isEqualTo("C40L0123456789 LUONG 11/2026");
        assertThat(BankFile.content("C40L0123456789", NOV, 14)).isEqualTo("C40L0123456789");
    }

    @Test
    void aBanksSampleBecomesTheBoardsLayoutKeepingItsHeadersAndBlankColumns() {
        String sample = "DANH SACH CHI LUONG\nSTT,Số tài khoản,Tên người hưởng,Chi nhánh,Số tiền,Nội dung\n1,123,A,X,1000,Y\n";
        List<TableFile.Row> rows = TableFile.rows("mau.csv", sample.getBytes(java.nio.charset.StandardCharsets.UTF_8), 50);
        BankFile.Template t = BankFile.fromSample("mau.csv", rows).orElseThrow();
        assertThat(t.columns().keySet()).containsExactly("STT", "ACCOUNT", "NAME", "BLANK_1", "AMOUNT", "CONTENT");
        assertThat(t.title()).isEqualTo("DANH SACH CHI LUONG");
        BankFile.Template stored = BankFile.boardTemplate("x", t.fileType(), t.title(), BankFile.columnsText(t));
        BankFile.Written w = BankFile.write(stored, null, NOV, "TN-DAITU", TRANSFERS);
        List<TableFile.Row> back = TableFile.rows(w.filename(), w.content(), 100);
        assertThat(back.getFirst().cells()).containsExactly("STT", "Số tài khoản", "Tên người hưởng", "Chi nhánh",
                "Số tiền", "Nội dung");
        assertThat(back.get(1).cells()).containsExactly("1", "0011223344", "NGUYEN THI HOA", "", "17780000",
                "C40L000000000A LUONG 11/2026");
        assertThat(BankFile.fromSample("x.csv", TableFile.rows("x.csv",
                "a,b,c\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 50))).isEmpty();
    }
}
