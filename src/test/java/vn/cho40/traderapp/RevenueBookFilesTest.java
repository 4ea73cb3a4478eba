package vn.cho40.traderapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class RevenueBookFilesTest {

    private final RevenueBookFiles.Keeper keeper = new RevenueBookFiles.Keeper("Nguyễn Thị Hoa", "8012345678",
            "Quầy A-1, Chợ trung tâm Đại Từ");
    private final List<RevenueBook.Day> days = List.of(
            new RevenueBook.Day(LocalDate.of(2026, 11, 2), new RevenueBook.Sums(12, 1_250_000, 1, 45_000)),
            new RevenueBook.Day(LocalDate.of(2026, 11, 3), new RevenueBook.Sums(3, 150_000, 0, 0)));

    @Test
    void theXlsxKeepsNumbersAsNumbersAndDatesAsDates() throws Exception {
        byte[] xlsx = RevenueBookFiles.xlsx(keeper, YearMonth.of(2026, 11), days, LocalDate.of(2026, 12, 1));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(RevenueBookFiles.TITLE);
            var first = sheet.getRow(7);
            assertThat(first.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
            assertThat(first.getCell(1).getStringCellValue())
                    .isEqualTo("Thu qua mã QR: 12 lần; Bán thu tiền mặt: 1 lần");
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1_295_000);
            var total = sheet.getRow(9);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Cộng tháng");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(1_445_000);
            assertThat(sheet.getRow(10).getCell(0).getStringCellValue())
                    .isEqualTo("Tổng doanh thu bằng chữ: Một triệu bốn trăm bốn mươi lăm nghìn đồng");
        }
    }

    @Test
    void aRefundIsNamedOnItsDayAndTakenOffTheTotal() throws Exception {
        List<RevenueBook.Day> withRefund = List.of(new RevenueBook.Day(LocalDate.of(2026, 11, 4),
                new RevenueBook.Sums(2, 500_000, 0, 0, 1, 180_000)));
        byte[] xlsx = RevenueBookFiles.xlsx(keeper, YearMonth.of(2026, 11), withRefund, LocalDate.of(2026, 12, 1));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var day = wb.getSheetAt(0).getRow(7);
            assertThat(day.getCell(1).getStringCellValue())
                    .isEqualTo("Thu qua mã QR: 2 lần; Trừ hoàn tiền cho người mua: 1 lần, 180.000\u00a0₫");
            assertThat(day.getCell(5).getNumericCellValue()).isEqualTo(320_000);
        }
    }

    @Test
    void thePdfPrintsVietnameseAndTheTotalInFiguresAndWords() throws Exception {
        byte[] pdf = RevenueBookFiles.pdf(keeper, YearMonth.of(2026, 11), days, LocalDate.of(2026, 12, 1));
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("SỔ DOANH THU BÁN HÀNG HÓA, DỊCH VỤ", "Tháng 11/2026", "Nguyễn Thị Hoa",
                    "8012345678", "02/11/2026", "1.295.000", "1.445.000\u00a0₫",
                    "Một triệu bốn trăm bốn mươi lăm nghìn đồng");
        }
    }
}
