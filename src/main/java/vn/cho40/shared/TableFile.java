package vn.cho40.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an uploaded table: CSV (UTF-8 with or without BOM, comma or semicolon as Excel in Vietnam saves it)
 * or XLSX (first sheet, streamed by {@link XlsxRows}). Columns are found by header, matched after folding (Vietnamese or English, with
 * or without diacritics). Line numbers are the ones the user sees in their editor or spreadsheet.
 */
public final class TableFile {

    public static final int MAX_ROWS = 5000;

    /** One data line: its number in the file and its cells by column name. */
    public record Line(int number, Map<String, String> cells) {
        public String get(String column) {
            return cells.get(column);
        }
    }

    private TableFile() {
    }

    /** One non-blank row as the user sees it in their editor or spreadsheet: its number and its cells. */
    public record Row(int number, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    /**
     * @param aliases column name → accepted folded headers
     * @param required columns that must be present, each reported with its header to use
     */
    public static List<Line> read(String filename, byte[] content, Map<String, List<String>> aliases,
                                  Map<String, String> required) {
        List<Row> rows = rows(filename, content, MAX_ROWS + 1);
        if (rows.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "import.file.empty"));
        }
        Map<String, Integer> columns = columns(rows.getFirst().cells(), aliases, required);
        List<Line> lines = new ArrayList<>(rows.size() - 1);
        for (Row row : rows.subList(1, rows.size())) {
            lines.add(line(row.number(), row.cells(), columns));
        }
        return lines;
    }

    /**
     * Every non-blank row of a CSV or XLSX file (first sheet), for files whose table does not start on the
     * first line (bank statements open with a header block). Refused beyond {@code maxRows}.
     */
    public static List<Row> rows(String filename, byte[] content, int maxRows) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return spreadsheetRows(content, maxRows);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return csvRows(content, maxRows);
        }
        throw new InvalidInputException(Violation.of("file", "import.file.type", filename));
    }

    private static List<Row> csvRows(byte[] content, int maxRows) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (!cells.stream().allMatch(String::isBlank)) {
                    tooMany(rows, maxRows);
                    // Physical line numbers, so a quoted multi-line cell keeps the numbers right.
                    rows.add(new Row((int) parser.getCurrentLineNumber(), cells));
                }
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(Violation.of("file", "import.file.unreadable"));
        }
    }

    private static List<Row> spreadsheetRows(byte[] content, int maxRows) {
        if (!XlsxRows.isZip(content)) {
            return oldWorkbookRows(content, maxRows);
        }
        List<Row> rows = new ArrayList<>();
        try {
            // Streamed, and stopped by tooMany at the first row past the limit: nothing beyond it is even unpacked.
            XlsxRows.read(content, (number, cells) -> {
                if (!cells.stream().allMatch(String::isBlank)) {
                    tooMany(rows, maxRows);
                    rows.add(new Row(number, List.copyOf(cells)));
                }
            });
            return rows;
        } catch (InvalidInputException e) {
            throw e;
        } catch (XlsxRows.PartTooLarge e) {
            throw new InvalidInputException(Violation.of("file", "import.file.expanded", e.part, e.limit >> 20));
        } catch (Exception e) {
            throw new InvalidInputException(Violation.of("file", "import.file.unreadable"));
        }
    }

    /** A binary .xls (before 2007): not compressed, so its model stays within a few times the 5 MB upload. */
    private static List<Row> oldWorkbookRows(byte[] content, int maxRows) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (!cells.stream().allMatch(String::isBlank)) {
                    tooMany(rows, maxRows);
                    rows.add(new Row(row.getRowNum() + 1, cells));
                }
            }
            return rows;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(Violation.of("file", "import.file.unreadable"));
        }
    }

    private static void tooMany(List<Row> rows, int maxRows) {
        if (rows.size() >= maxRows) {
            throw new InvalidInputException(Violation.of("file", "import.file.tooMany", maxRows - 1));
        }
    }

    private static Map<String, Integer> columns(List<String> header, Map<String, List<String>> aliases,
                                                Map<String, String> required) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = SearchText.fold(header.get(i));
            for (var alias : aliases.entrySet()) {
                if (alias.getValue().contains(h) && !columns.containsKey(alias.getKey())) {
                    columns.put(alias.getKey(), i);
                }
            }
        }
        List<Violation> missing = new ArrayList<>();
        required.forEach((column, header0) -> {
            if (!columns.containsKey(column)) {
                missing.add(Violation.of("file", "import.header.missing", header0));
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return columns;
    }

    private static Line line(int number, List<String> cells, Map<String, Integer> columns) {
        Map<String, String> values = new HashMap<>();
        columns.forEach((column, index) -> values.put(column, index < cells.size() ? cells.get(index) : null));
        return new Line(number, values);
    }
}
