package vn.cho40.market;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * Reads a stall list from CSV (UTF-8, comma or semicolon, as Excel in Vietnam saves it) or XLSX (first
 * sheet). Headers may be Vietnamese or English, with or without diacritics. Line numbers are the ones
 * the user sees in their editor or spreadsheet.
 */
final class StallFile {

    static final int MAX_ROWS = 5000;
    static final List<String> CODE_HEADERS = List.of("ma quay", "ma", "quay", "code", "stall", "stall code");
    static final List<String> ZONE_HEADERS = List.of("khu", "ten khu", "day", "zone", "zone name");
    static final List<String> CATEGORY_HEADERS = List.of("nganh hang", "mat hang", "category", "goods");
    static final List<String> AREA_HEADERS = List.of("dien tich", "dien tich m2", "dien tich m", "area", "area m2");

    record Line(int number, String code, String zone, String category, String area) {
    }

    private StallFile() {
    }

    static List<Line> read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return readSpreadsheet(content);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return readCsv(content);
        }
        throw new InvalidInputException(Violation.of("file", "import.file.type", filename));
    }

    private static List<Line> readCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(new java.io.StringReader(text))) {
            List<Line> lines = new ArrayList<>();
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = columns(cells);
                    continue;
                }
                tooMany(lines);
                // getCurrentLineNumber() counts physical lines, so a quoted multi-line cell keeps numbers right.
                lines.add(line((int) parser.getCurrentLineNumber(), cells, columns));
            }
            if (columns == null) {
                throw new InvalidInputException(Violation.of("file", "import.file.empty"));
            }
            return lines;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(Violation.of("file", "import.file.unreadable"));
        }
    }

    private static List<Line> readSpreadsheet(byte[] content) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Line> lines = new ArrayList<>();
            Map<String, Integer> columns = null;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (columns == null) {
                    columns = columns(cells);
                    continue;
                }
                tooMany(lines);
                lines.add(line(row.getRowNum() + 1, cells, columns));
            }
            if (columns == null) {
                throw new InvalidInputException(Violation.of("file", "import.file.empty"));
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(Violation.of("file", "import.file.unreadable"));
        }
    }

    private static void tooMany(List<Line> lines) {
        if (lines.size() >= MAX_ROWS) {
            throw new InvalidInputException(Violation.of("file", "import.file.tooMany", MAX_ROWS));
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = SearchText.fold(header.get(i));
            if (CODE_HEADERS.contains(h)) {
                columns.put("code", i);
            } else if (ZONE_HEADERS.contains(h)) {
                columns.put("zone", i);
            } else if (CATEGORY_HEADERS.contains(h)) {
                columns.put("category", i);
            } else if (AREA_HEADERS.contains(h)) {
                columns.put("area", i);
            }
        }
        List<Violation> missing = new ArrayList<>();
        if (!columns.containsKey("code")) {
            missing.add(Violation.of("file", "import.header.missing", "ma_quay"));
        }
        if (!columns.containsKey("category")) {
            missing.add(Violation.of("file", "import.header.missing", "nganh_hang"));
        }
        if (!columns.containsKey("area")) {
            missing.add(Violation.of("file", "import.header.missing", "dien_tich_m2"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return columns;
    }

    private static Line line(int number, List<String> cells, Map<String, Integer> columns) {
        return new Line(number, cell(cells, columns.get("code")), cell(cells, columns.get("zone")),
                cell(cells, columns.get("category")), cell(cells, columns.get("area")));
    }

    private static String cell(List<String> cells, Integer index) {
        return index == null || index >= cells.size() ? null : cells.get(index);
    }
}
