package vn.cho40.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** XLSX uploads are streamed: a huge sheet stops at the row limit, a bomb at the unpacked limit, values as before. */
public class XlsxRowsTest {

    /** A minimal XLSX whose first sheet is written by {@code sheet} (the sheetData's inside). */
    public static byte[] xlsx(SheetWriter sheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="xl/workbook.xml"/></Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                    Target="worksheets/sheet1.xml"/></Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org"
                    + "/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            sheet.write(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    public interface SheetWriter {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aHugeSheetStopsAtTheRowLimitQuicklyAndWithLittleMemory() throws IOException {
        // The review's file: 400,000 rows of inline strings, about 3 MB zipped, 50 MB of sheet XML.
        byte[] file = xlsx(zip -> {
            StringBuilder rows = new StringBuilder();
            for (int r = 1; r <= 400_000; r++) {
                rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r)
                        .append("\" t=\"inlineStr\"><is><t>A-").append(r).append("</t></is></c></row>");
                if (rows.length() > 1 << 16) {
                    zip.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                    rows.setLength(0);
                }
            }
            zip.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        });
        assertThat(file.length).isLessThan(5 << 20);
        long allocated = allocatedBytes();
        long start = System.nanoTime();
        assertThatThrownBy(() -> TableFile.rows("quay.xlsx", file, TableFile.MAX_ROWS + 1)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.violations().getFirst().messageKey())
                        .isEqualTo("import.file.tooMany"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(5_000);
        // The workbook model allocated gigabytes for this file (and kept hundreds of MB); the stream a few MB.
        assertThat(allocatedBytes() - allocated).as("bytes allocated").isLessThan(100L << 20);
    }

    @Test
    void aSheetThatUnpacksBeyondItsLimitIsRefusedWithItsOwnMessage() throws IOException {
        byte[] bomb = xlsx(zip -> {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            zip.write("<row r=\"1\"><c t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 80; i++) {
                zip.write(spaces);
            }
            zip.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
        });
        assertThatThrownBy(() -> TableFile.rows("bomb.xlsx", bomb, TableFile.MAX_ROWS + 1)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> {
                    assertThat(e.violations().getFirst().messageKey()).isEqualTo("import.file.expanded");
                    assertThat(e.violations().getFirst().args()).containsExactly("xl/worksheets/sheet1.xml", 64L);
                });
    }

    @Test
    void cellsReadAsExcelShowsThemAsTheWorkbookModelDid() throws IOException {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Quầy");
            var date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            var thousands = book.createCellStyle();
            thousands.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("Mã quầy");
            header.createCell(1).setCellValue("Diện tích m2");
            header.createCell(3).setCellValue("Ngày");
            Row r = sheet.createRow(5);
            r.createCell(0).setCellValue("A-1");
            r.createCell(1).setCellValue(4.5);
            Cell amount = r.createCell(2);
            amount.setCellValue(1234567);
            amount.setCellStyle(thousands);
            Cell day = r.createCell(3);
            day.setCellValue(java.time.LocalDate.of(2026, 12, 3));
            day.setCellStyle(date);
            r.createCell(4).setCellValue(true);
            r.createCell(6).setCellValue("Rau, củ \"sạch\"");
            sheet.createRow(7).createCell(1).setCellValue(" ");
            book.write(out);
            file = out.toByteArray();
        }
        assertThat(TableFile.rows("q.xlsx", file, 100)).isEqualTo(modelRows(file));
        assertThat(TableFile.rows("q.xlsx", file, 100).get(1)).isEqualTo(new TableFile.Row(6,
                List.of("A-1", "4.5", "1,234,567", "03/12/2026", "TRUE", "", "Rau, củ \"sạch\"")));
    }

    /** What the former reader (the workbook model) gave, for comparison. */
    private static List<TableFile.Row> modelRows(byte[] file) throws IOException {
        List<TableFile.Row> rows = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(new TableFile.Row(row.getRowNum() + 1, cells));
                }
            }
        }
        return rows;
    }
}
