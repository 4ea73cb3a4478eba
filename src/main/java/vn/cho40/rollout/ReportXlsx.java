package vn.cho40.rollout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The report as one Excel sheet in the order of the paper form: heading, targets, indicators, units, notes. */
final class ReportXlsx {

    private ReportXlsx() {
    }

    static byte[] write(MonthlyReport r, Function<String, String> label) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(label.apply("rollout.report.sheet"));
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            CellStyle bold = book.createCellStyle();
            bold.setFont(boldFont);
            CellStyle center = book.createCellStyle();
            center.setFont(boldFont);
            center.setAlignment(HorizontalAlignment.CENTER);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            int[] widths = {34, 14, 12, 12, 12, 12, 14, 18};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            Writer w = new Writer(sheet);
            w.text(0, ReportHeading.authority(r), bold);
            w.text(4, ReportHeading.motto(), center);
            w.next();
            w.text(0, r.agency().toUpperCase(java.util.Locale.ROOT), bold);
            w.text(4, ReportHeading.mottoLine2(), center);
            w.next();
            w.text(0, ReportHeading.number(r), null);
            w.text(4, ReportHeading.placeAndDate(r), null);
            w.next();
            w.text(0, ReportHeading.about(r), null);
            w.next();
            w.next();
            w.merged(ReportHeading.title(), center, 8);
            w.merged(r.subject(), center, 8);
            w.merged(r.frozenNote(), null, 8);
            w.next();
            int part = 0; // sections numbered I, II... in the order they appear (a commune has no targets)
            if (!r.targets().isEmpty()) {
                w.text(0, ReportHeading.part(++part) + ". " + label.apply("rollout.report.targets"), bold);
                w.next();
                w.row(bold, label.apply("rollout.plan"), label.apply("rollout.target.indicator"),
                        label.apply("rollout.target.value"), label.apply("rollout.target.deadline"),
                        label.apply("rollout.target.actual"), label.apply("rollout.target.status"));
                for (MonthlyReport.TargetLine t : r.targets()) {
                    w.row(null, t.plan(), t.indicator(), t.target(), t.deadline(), t.actual(), t.status());
                }
                w.next();
            }
            w.text(0, ReportHeading.part(++part) + ". " + label.apply("rollout.report.results"), bold);
            w.next();
            // Counts and đồng stay numbers a reader can add up; shares and "12/20" are text as on the paper form.
            for (MonthlyReport.Line l : r.summary()) {
                if (l.number() == null) {
                    w.row(null, l.label(), l.value());
                } else {
                    w.number(w.row(null, l.label()), 1, l.number(), money);
                }
            }
            w.next();
            w.text(0, ReportHeading.part(++part) + ". " + label.apply("rollout.report.byUnit") + ": " + r.unitHeader(), bold);
            w.next();
            w.row(bold, r.unitHeader(), label.apply("rollout.col.live"), label.apply("rollout.report.traders"),
                    label.apply("rollout.col.withQr"), "%", label.apply("rollout.col.active"),
                    label.apply("rollout.col.count"), label.apply("rollout.report.valueVnd"));
            for (MonthlyReport.UnitLine u : r.units()) {
                Row row = w.row(null, u.name(), u.markets());
                w.number(row, 2, u.traders(), null);
                w.number(row, 3, u.withQr(), null);
                row.createCell(4).setCellValue(u.qrShare());
                w.number(row, 5, u.active(), null);
                w.number(row, 6, u.paymentsCount(), money);
                w.number(row, 7, u.paymentsValue(), money);
            }
            w.next();
            if (!r.reported().isEmpty()) {
                w.text(0, ReportHeading.part(++part) + ". " + label.apply("rollout.reported"), bold);
                w.next();
                for (MonthlyReport.Line l : r.reported()) {
                    w.row(null, l.label(), l.value());
                }
                w.next();
            }
            if (r.notes() != null) {
                w.text(0, label.apply("rollout.report.notes"), bold);
                w.next();
                w.merged(r.notes(), null, 8);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes rows one after the other. */
    private static final class Writer {
        private final Sheet sheet;
        private int next;

        Writer(Sheet sheet) {
            this.sheet = sheet;
        }

        private Row current() {
            Row row = sheet.getRow(next);
            return row == null ? sheet.createRow(next) : row;
        }

        void text(int column, String text, CellStyle style) {
            var cell = current().createCell(column);
            cell.setCellValue(text);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        void next() {
            next++;
        }

        void merged(String text, CellStyle style, int columns) {
            text(0, text, style);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns - 1));
            next++;
        }

        Row row(CellStyle style, String... texts) {
            Row row = current();
            for (int c = 0; c < texts.length; c++) {
                var cell = row.createCell(c);
                cell.setCellValue(texts[c]);
                if (style != null) {
                    cell.setCellStyle(style);
                }
            }
            next++;
            return row;
        }

        void number(Row row, int column, long value, CellStyle style) {
            var cell = row.createCell(column);
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
