package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.cho40.payment.InboundPayment.Direction;
import vn.cho40.shared.InvalidInputException;

class StatementFilesTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = StatementFilesTest.class.getResourceAsStream("/statements/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Statement table(String name, byte[] content) {
        var rows = StatementTable.rows(name, content);
        return StatementTable.read(rows, StatementTable.detect(rows));
    }

    @Test
    void aVietcombankStyleCsvWithABilingualHeaderBlockIsReadAndAddsUp() throws IOException {
        Statement s = table("vcb.csv", resource("vcb-like.csv"));
        assertThat(s.account()).isEqualTo("0011001234567");
        assertThat(s.openingVnd()).isEqualTo(1_000_000);
        assertThat(s.closingVnd()).isEqualTo(1_275_000);
        assertThat(s.entries()).hasSize(3);
        Statement.Entry first = s.entries().getFirst();
        assertThat(first.line()).as("line numbers as the editor shows them").isEqualTo(6);
        assertThat(first.bookedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(first.reference()).isEqualTo("FT2611230001");
        assertThat(first.direction()).isEqualTo(Direction.CREDIT);
        assertThat(first.amountVnd()).isEqualTo(125_000);
        assertThat(s.entries().get(1).direction()).isEqualTo(Direction.DEBIT);
        assertThat(s.creditsVnd()).isEqualTo(325_000);
        assertThat(s.debitsVnd()).isEqualTo(50_000);
        assertThat(s.balanceProblem()).isNull();
    }

    @Test
    void aStatementThatDoesNotAddUpIsCaughtAtTheLineOrAtTheTotal() throws IOException {
        String csv = new String(resource("vcb-like.csv"), StandardCharsets.UTF_8);
        Statement missingLine = table("x.csv", csv.replace("24/11/2026 06:55:00,FT2611240003,,\"200.000\",\"1.275.000\","
                + "Tra tien thit\n", "").getBytes(StandardCharsets.UTF_8));
        assertThat(missingLine.balanceProblem()).isEqualTo(new Statement.Problem("statement.balance.total", 0,
                1_075_000, 1_275_000));
        Statement wrongRunning = table("x.csv", csv.replace("\"1.075.000\"", "\"1.095.000\"")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(wrongRunning.balanceProblem().key()).isEqualTo("statement.balance.line");
        assertThat(wrongRunning.balanceProblem().line()).isEqualTo(7);
    }

    @Test
    void anXlsxExportWithoutBalancesInTheHeaderTakesThemFromTheBalanceColumn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("Sao ke");
            String[][] rows = {{"BẢNG SAO KÊ GIAO DỊCH"}, {"Ngày GD", "Số GD", "Tiền rút ra", "Tiền gửi vào", "Số dư",
                    "Diễn giải"}, {"01/12/2026", "A1", "", "30000", "530000", "ck C40"}, {"01/12/2026", "A2", "",
                    "20000", "550000", "mua ca"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        Statement s = table("acb.xlsx", out.toByteArray());
        assertThat(s.openingVnd()).isEqualTo(500_000);
        assertThat(s.closingVnd()).isEqualTo(550_000);
        assertThat(s.account()).isNull();
        assertThat(s.balanceProblem()).isNull();
    }

    @Test
    void amountsAreWholeDongInEveryBanksNotation() {
        assertThat(StatementTable.amount("1.234.567")).isEqualTo(1_234_567);
        assertThat(StatementTable.amount("1,234,567")).isEqualTo(1_234_567);
        assertThat(StatementTable.amount("1.234.567,00")).isEqualTo(1_234_567);
        assertThat(StatementTable.amount("50,000.00 VND")).isEqualTo(50_000);
        assertThat(StatementTable.amount("")).isZero();
        assertThat(StatementTable.amount("50000.5")).isNull();
        assertThat(StatementTable.amount("abc")).isNull();
    }

    @Test
    void headersAreRecognisedWithoutDiacriticsAndTheLongestSynonymWins() {
        assertThat(StatementTable.roleOf("Transaction No")).isEqualTo(StatementTable.Role.REFERENCE);
        assertThat(StatementTable.roleOf("SO TIEN GHI CO")).isEqualTo(StatementTable.Role.CREDIT);
        assertThat(StatementTable.roleOf("Số dư")).isEqualTo(StatementTable.Role.BALANCE);
        assertThat(StatementTable.roleOf("STT")).isNull();
    }

    @Test
    void aFileWithoutATableIsRefusedWithTheReason() {
        assertThatThrownBy(() -> table("x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations().getFirst().messageKey())
                .isEqualTo("statement.header.notFound");
    }

    @Test
    void camt053GivesBalancesAndOnlyBookedEntries() throws IOException {
        Statement s = Camt053.read(resource("camt053.xml"));
        assertThat(s.account()).isEqualTo("0011001234567");
        assertThat(s.openingVnd()).isEqualTo(1_000_000);
        assertThat(s.closingVnd()).isEqualTo(1_275_000);
        assertThat(s.entries()).extracting(Statement.Entry::reference)
                .containsExactly("FT2611230001", "FT2611230002", "FT2611240003");
        assertThat(s.entries().getFirst().text()).contains("C40");
        assertThat(s.balanceProblem()).isNull();
    }

    @Test
    void camt053WithADoctypeIsRefused() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>&e;</BkToCstmrStmt>"
                + "</Document>").getBytes(StandardCharsets.UTF_8);
        assertThat(Camt053.looksLike(xxe)).isTrue();
        assertThatThrownBy(() -> Camt053.read(xxe)).isInstanceOf(InvalidInputException.class);
    }
}
