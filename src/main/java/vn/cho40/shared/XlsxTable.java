package vn.cho40.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list exported to Excel: a title block, one header row with filter buttons, then one row per item. Streamed
 * (POI's SXSSF keeps {@value #ROWS_IN_MEMORY} rows in memory and the rest in a temporary file), so a province's
 * whole list costs no more heap than a page. Numbers stay numbers and dates stay dates (shown dd/mm/yyyy), so
 * the board can sum and sort them. Not thread-safe: one table per download.
 */
public final class XlsxTable implements AutoCloseable {

    /** What a column holds, which decides its cell type and format. */
    public enum Kind { TEXT, DATE, DECIMAL, COUNT }

    public record Column(String header, Kind kind, int widthChars) {
    }

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Excel's own limit, less the title block: beyond it a file would not open. */
    public static final int MAX_ROWS = 1_048_000;
    private static final int ROWS_IN_MEMORY = 100;

    private final SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final SXSSFSheet sheet;
    private final List<Column> columns;
    private final CellStyle bold;
    private final CellStyle date;
    private final CellStyle whole;
    private int next;
    private int headerRow = -1;
    private int totalRow = -1;

    public XlsxTable(String sheetName, List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.sheet = book.createSheet(sheetName);
        Font font = book.createFont();
        font.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(font);
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
        // Whole numbers (counts, đồng) with thousands grouped as the reader's Excel writes them: 230.192.592.
        whole = book.createCellStyle();
        whole.setDataFormat(book.createDataFormat().getFormat("#,##0"));
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, Math.min(255, columns.get(c).widthChars()) * 256);
        }
    }

    /** A line above the table (what the list is, its filters, when it was made). */
    public XlsxTable line(String text, boolean strong) {
        requireNoHeader();
        var cell = sheet.createRow(next++).createCell(0);
        cell.setCellValue(text);
        if (strong) {
            cell.setCellStyle(bold);
        }
        return this;
    }

    public XlsxTable blankLine() {
        requireNoHeader();
        next++;
        return this;
    }

    /** The header row; it stays in view when scrolling and carries Excel's filter buttons. */
    public XlsxTable header() {
        requireNoHeader();
        headerRow = next;
        Row row = sheet.createRow(next++);
        for (int c = 0; c < columns.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, next);
        return this;
    }

    /** One item: a value per column, null for an empty cell (String, LocalDate, BigDecimal or a whole number). */
    public void row(Object... values) {
        if (headerRow < 0 || values.length != columns.size() || totalRow >= 0) {
            throw new IllegalStateException("a row needs the header first, no total yet and " + columns.size() + " values");
        }
        if (next >= MAX_ROWS) {
            throw new IllegalStateException("more than " + MAX_ROWS + " rows do not fit in one sheet");
        }
        Row row = sheet.createRow(next++);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                set(row, c, columns.get(c).kind(), values[c]);
            }
        }
    }

    /**
     * The totals under the items, last: outside the filter range, so sorting or filtering the items leaves it
     * where a reader looks for it and never counts it as an item.
     */
    public void total(Object... values) {
        row(values);
        totalRow = next - 1;
        for (var cell : sheet.getRow(totalRow)) {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                cell.setCellStyle(bold);
            }
        }
    }

    public int rows() {
        return headerRow < 0 ? 0 : next - headerRow - 1;
    }

    public void writeTo(OutputStream out) {
        if (headerRow >= 0) {
            int lastItem = totalRow >= 0 ? totalRow - 1 : next - 1;
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastItem), 0, columns.size() - 1));
        }
        try {
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary file the streamed rows went to. */
    @Override
    public void close() {
        book.dispose();
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void set(Row row, int column, Kind kind, Object value) {
        var cell = row.createCell(column);
        switch (kind) {
            case TEXT -> cell.setCellValue(value.toString());
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(date);
            }
            // General format: Excel shows 6 and 7,5 (or 7.5) as the reader's locale writes them.
            case DECIMAL -> cell.setCellValue(((BigDecimal) value).doubleValue());
            case COUNT -> {
                cell.setCellValue(((Number) value).longValue());
                cell.setCellStyle(whole);
            }
        }
    }

    private void requireNoHeader() {
        if (headerRow >= 0) {
            throw new IllegalStateException("lines go above the header");
        }
    }
}
