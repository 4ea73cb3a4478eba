package vn.cho40.traderapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.cho40.shared.AmountInWords;
import vn.cho40.shared.Money;
import vn.cho40.shared.VnFormats;

/**
 * A month of the revenue book as the household business keeps it for its tax declaration: one line a day
 * (transfers received by QR, cash written down, their sum), the month's total in figures and in words. XLSX
 * (numbers stay numbers, dates stay dates) and PDF (DejaVu embedded so Vietnamese prints). Pure: no Spring.
 */
public final class RevenueBookFiles {

    /** Who keeps the book and where. */
    public record Keeper(String name, String taxCode, String place) {
    }

    static final String TITLE = "SỔ DOANH THU BÁN HÀNG HÓA, DỊCH VỤ";
    static final String[] HEADERS = {"Ngày", "Diễn giải", "Số lần chuyển khoản", "Chuyển khoản (đồng)",
            "Tiền mặt (đồng)", "Cộng doanh thu (đồng)"};

    private RevenueBookFiles() {
    }

    static String description(RevenueBook.Sums s) {
        StringBuilder d = new StringBuilder();
        if (s.transfers() > 0) {
            d.append("Thu qua mã QR: ").append(s.transfers()).append(" lần");
        }
        if (s.cashSales() > 0) {
            d.append(d.isEmpty() ? "" : "; ").append("Bán thu tiền mặt: ").append(s.cashSales()).append(" lần");
        }
        if (s.refunds() > 0) {
            // a cancelled order paid back: the day's total is net of it
            d.append(d.isEmpty() ? "" : "; ").append("Trừ hoàn tiền cho người mua: ").append(s.refunds())
                    .append(" lần, ").append(Money.vnd(s.refundVnd()).format());
        }
        return d.toString();
    }

    static String totalInWords(long vnd) {
        return AmountInWords.invoice(vnd, AmountInWords.Style.NORTHERN);
    }

    public static byte[] xlsx(Keeper keeper, YearMonth month, List<RevenueBook.Day> days, LocalDate madeOn) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Sổ doanh thu " + month.getMonthValue() + "-" + month.getYear());
            var bold = book.createFont();
            bold.setBold(true);
            CellStyle strong = book.createCellStyle();
            strong.setFont(bold);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            CellStyle moneyBold = book.createCellStyle();
            moneyBold.cloneStyleFrom(money);
            moneyBold.setFont(bold);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            int r = 0;
            text(sheet.createRow(r++), 0, TITLE, strong);
            text(sheet.createRow(r++), 0, "Tháng " + month.getMonthValue() + "/" + month.getYear(), null);
            text(sheet.createRow(r++), 0, "Hộ, cá nhân kinh doanh: " + keeper.name(), null);
            text(sheet.createRow(r++), 0, "Mã số thuế: " + (keeper.taxCode() == null ? "" : keeper.taxCode()), null);
            text(sheet.createRow(r++), 0, "Địa điểm kinh doanh: " + keeper.place(), null);
            r++;
            Row head = sheet.createRow(r++);
            for (int c = 0; c < HEADERS.length; c++) {
                text(head, c, HEADERS[c], strong);
            }
            for (RevenueBook.Day d : days) {
                Row row = sheet.createRow(r++);
                var cell = row.createCell(0);
                cell.setCellValue(d.day());
                cell.setCellStyle(date);
                text(row, 1, description(d.sums()), null);
                row.createCell(2).setCellValue(d.sums().transfers());
                number(row, 3, d.sums().transferVnd(), money);
                number(row, 4, d.sums().cashVnd(), money);
                number(row, 5, d.sums().totalVnd(), money);
            }
            RevenueBook.Sums total = RevenueBook.total(days);
            Row sum = sheet.createRow(r++);
            text(sum, 1, "Cộng tháng", strong);
            sum.createCell(2).setCellValue(total.transfers());
            number(sum, 3, total.transferVnd(), moneyBold);
            number(sum, 4, total.cashVnd(), moneyBold);
            number(sum, 5, total.totalVnd(), moneyBold);
            text(sheet.createRow(r++), 0, "Tổng doanh thu bằng chữ: " + totalInWords(total.totalVnd()), null);
            r++;
            text(sheet.createRow(r++), 0, "Ngày lập: " + VnFormats.date(madeOn) + " · Người lập sổ (ký, ghi rõ họ tên)",
                    null);
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 20 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    public static byte[] pdf(Keeper keeper, YearMonth month, List<RevenueBook.Day> days, LocalDate madeOn) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
            PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont regular = vn.cho40.shared.PdfFonts.regular();
            BaseFont boldFont = vn.cho40.shared.PdfFonts.bold();
            Font text = new Font(regular, 9);
            Font bold = new Font(boldFont, 9);
            Paragraph title = new Paragraph(TITLE, new Font(boldFont, 14));
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph period = new Paragraph("Tháng " + month.getMonthValue() + "/" + month.getYear(), bold);
            period.setAlignment(Element.ALIGN_CENTER);
            doc.add(period);
            doc.add(new Paragraph("Hộ, cá nhân kinh doanh: " + keeper.name(), text));
            doc.add(new Paragraph("Mã số thuế: " + (keeper.taxCode() == null ? "" : keeper.taxCode()), text));
            doc.add(new Paragraph("Địa điểm kinh doanh: " + keeper.place(), text));
            PdfPTable table = new PdfPTable(new float[] {14, 31, 10, 15, 14, 16});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            for (String h : HEADERS) {
                table.addCell(cell(h, bold, Element.ALIGN_CENTER));
            }
            for (RevenueBook.Day d : days) {
                table.addCell(cell(VnFormats.date(d.day()), text, Element.ALIGN_LEFT));
                table.addCell(cell(description(d.sums()), text, Element.ALIGN_LEFT));
                table.addCell(cell(Integer.toString(d.sums().transfers()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(VnFormats.groupThousands(d.sums().transferVnd()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(VnFormats.groupThousands(d.sums().cashVnd()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(VnFormats.groupThousands(d.sums().totalVnd()), text, Element.ALIGN_RIGHT));
            }
            RevenueBook.Sums total = RevenueBook.total(days);
            table.addCell(cell("", bold, Element.ALIGN_LEFT));
            table.addCell(cell("Cộng tháng", bold, Element.ALIGN_LEFT));
            table.addCell(cell(Integer.toString(total.transfers()), bold, Element.ALIGN_RIGHT));
            table.addCell(cell(VnFormats.groupThousands(total.transferVnd()), bold, Element.ALIGN_RIGHT));
            table.addCell(cell(VnFormats.groupThousands(total.cashVnd()), bold, Element.ALIGN_RIGHT));
            table.addCell(cell(VnFormats.groupThousands(total.totalVnd()), bold, Element.ALIGN_RIGHT));
            table.setHeaderRows(1);
            doc.add(table);
            doc.add(new Paragraph("Tổng doanh thu: " + Money.vnd(total.totalVnd()).format(), bold));
            doc.add(new Paragraph("Bằng chữ: " + totalInWords(total.totalVnd()), text));
            Paragraph sign = new Paragraph("Ngày " + VnFormats.date(madeOn) + "\nNgười lập sổ\n(ký, ghi rõ họ tên)",
                    text);
            sign.setAlignment(Element.ALIGN_RIGHT);
            sign.setSpacingBefore(14);
            doc.add(sign);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PdfPCell cell(String content, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(content, font));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }
}
