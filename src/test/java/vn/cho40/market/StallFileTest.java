package vn.cho40.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

class StallFileTest {

    @Test
    void readsExcelStyleCsvWithBomSemicolonsAndVietnameseHeaders() {
        String csv = "\uFEFFMã quầy;Khu;Ngành hàng;Diện tích m2\r\nA-1;Khu A;Thịt;6\r\n\r\nA-2;Khu A;Cá;7,5\r\n";
        List<StallFile.Line> lines = StallFile.read("quay.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(lines).extracting(StallFile.Line::code).containsExactly("A-1", "A-2");
        assertThat(lines).extracting(StallFile.Line::number).containsExactly(2, 4);
        assertThat(lines.get(1).area()).isEqualTo("7,5");
    }

    @Test
    void keepsLineNumbersRightAfterAQuotedMultiLineCell() {
        String csv = "ma_quay,khu,nganh_hang,dien_tich_m2\nA-1,\"Khu\nA\",Thịt,6\nA-2,,Cá,5\n";
        assertThat(StallFile.read("x.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .extracting(StallFile.Line::number).containsExactly(3, 4);
    }

    @Test
    void namesMissingColumns() {
        byte[] csv = "ma_quay,khu\nA-1,Khu A\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StallFile.read("x.csv", csv))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.args().getFirst()).containsExactly("nganh_hang", "dien_tich_m2"));
    }

    @Test
    void refusesOtherFileTypesAndGarbage() {
        assertThatThrownBy(() -> StallFile.read("anh.png", new byte[] {1, 2}))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::messageKey).containsExactly("import.file.type"));
        assertThatThrownBy(() -> StallFile.read("x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::messageKey).containsExactly("import.file.unreadable"));
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithSpreadsheetRowNumbers() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Quầy");
            row(sheet, 0, "ma_quay", "nganh_hang", "dien_tich_m2");
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("C-7");
            r.createCell(1).setCellValue("Rau củ");
            r.createCell(2).setCellValue(4.5);
            row(sheet, 3, "C-8", "Hoa quả", "3");
            book.write(out);
            xlsx = out.toByteArray();
        }
        List<StallFile.Line> lines = StallFile.read("quay.xlsx", xlsx);
        assertThat(lines).extracting(StallFile.Line::number).containsExactly(2, 4);
        assertThat(lines.getFirst().area()).isEqualTo("4.5");
        assertThat(lines.getFirst().category()).isEqualTo("Rau củ");
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }
}
