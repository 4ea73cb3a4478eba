package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.XlsxTable.Column;
import vn.cho40.shared.XlsxTable.Kind;

class XlsxTableTest {

    private static final List<Column> COLUMNS = List.of(new Column("Mã quầy", Kind.TEXT, 10),
            new Column("Diện tích (m²)", Kind.DECIMAL, 10), new Column("Thuê từ ngày", Kind.DATE, 12),
            new Column("Số quầy", Kind.COUNT, 8));

    @Test
    void numbersStayNumbersAndDatesStayDatesUnderAFilteredHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // More rows than SXSSF keeps in memory: the early ones must come back from its temporary file.
        try (XlsxTable table = new XlsxTable("Quầy", COLUMNS)) {
            table.line("Danh sách quầy", true).blankLine().header();
            for (int i = 1; i <= 250; i++) {
                table.row("A-" + i, new BigDecimal("7.5"), LocalDate.of(2026, 1, 5), i);
            }
            table.row("B-1", null, null, 0);
            assertThat(table.rows()).isEqualTo(251);
            table.writeTo(out);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheet("Quầy");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Danh sách quầy");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Diện tích (m²)");
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:D254");
            var first = sheet.getRow(3);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("A-1");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(7.5);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(253).getCell(1)).as("an empty value is an empty cell").isNull();
        }
    }

    @Test
    void rowsNeedTheHeaderAndOneValuePerColumn() {
        try (XlsxTable table = new XlsxTable("x", COLUMNS)) {
            assertThatThrownBy(() -> table.row("A-1", null, null, 1)).isInstanceOf(IllegalStateException.class);
            table.header();
            assertThatThrownBy(() -> table.row("A-1")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> table.line("late", false)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theTotalRowStaysOutOfTheFilterAndEndsTheTable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTable table = new XlsxTable("Quầy", COLUMNS)) {
            table.header();
            table.row("A-1", null, null, 2);
            table.row("A-2", null, null, 3);
            table.total("Cộng", null, null, 5);
            assertThatThrownBy(() -> table.row("A-3", null, null, 1)).as("nothing after the total")
                    .isInstanceOf(IllegalStateException.class);
            table.writeTo(out);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheet("Quầy");
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D3");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Cộng");
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(5);
        }
    }
}
