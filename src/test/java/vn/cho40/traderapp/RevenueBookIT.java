package vn.cho40.traderapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.SmsSender;

/** Cash sales written by the trader, takings, and the month's revenue book exported as XLSX and PDF. */
@IntegrationTest
class RevenueBookIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;
    @Autowired
    RevenueBook book;

    private WebSession trader() {
        return vn.cho40.TraderLogins.session(port, demo.demoTraderPhone(), sms, clock);
    }

    @Test
    void cashSalesCompleteTheBookWhichExportsAsXlsxAndPdf() throws Exception {
        WebSession s = trader();
        LocalDate today = book.today();
        String month = YearMonth.from(today).toString();
        long before = readXlsxTotal(s.getBytes("/trader/book.xlsx?month=" + month));

        s.postForm("/trader/cash", Map.of("amount", "abc", "note", ""), "/trader");
        assertThat(s.get("/trader").body()).contains("Số tiền &quot;abc&quot; không đúng");
        s.postForm("/trader/cash", Map.of("amount", "45.000", "note", "bán rau cho cô Lan"), "/trader");
        assertThat(s.get("/trader").body()).contains("Đã ghi 45.000\u00a0₫ tiền mặt vào sổ");
        s.postForm("/trader/cash", Map.of("amount", "30000", "date", today.plusDays(1).toString(), "back",
                "/trader/book"), "/trader");
        assertThat(s.get("/trader/book").body()).contains("Chỉ ghi được cho ngày từ");

        String page = s.get("/trader/book?month=" + month).body();
        assertThat(page).contains("bán rau cho cô Lan").contains("45.000\u00a0₫");
        long after = readXlsxTotal(s.getBytes("/trader/book.xlsx?month=" + month));
        assertThat(after - before).as("the book's month total grows by the cash sale").isEqualTo(45_000);

        byte[] pdf = s.getBytes("/trader/book.pdf?month=" + month);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("SỔ DOANH THU BÁN HÀNG HÓA, DỊCH VỤ").contains("Cộng tháng")
                    .contains("Bán thu tiền mặt").contains(" đồng");
        }
        String future = YearMonth.from(today).plusMonths(2).toString();
        var ahead = s.get("/trader/book?month=" + future);
        assertThat(ahead.status()).as("a month to come").isIn(400, 422);
        assertThat(ahead.body()).contains("Tháng &quot;" + future + "&quot; chưa đến");
        String old = YearMonth.from(today).minusYears(3).toString();
        assertThat(s.get("/trader/book?month=" + old).body()).as("a past month without takings says which")
                .contains("Tháng " + YearMonth.parse(old).getMonthValue() + "/" + YearMonth.parse(old).getYear()
                        + " chưa có doanh thu.");
        // A staff member cannot read a trader's book, and a trader cannot remove another's entry.
        assertThat(new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD).get("/trader/book").status())
                .isIn(302, 403);
        assertThat(s.postForm("/trader/cash/" + java.util.UUID.randomUUID() + "/remove", Map.of(), "/trader/book")
                .status()).isEqualTo(404);
    }

    @Test
    void aSaleCodeCarriesTheAmountAndItsPaymentCode() throws Exception {
        WebSession s = trader();
        s.postForm("/trader/sale", Map.of("amount", "0"), "/trader");
        assertThat(s.get("/trader").body()).contains("Số tiền &quot;0&quot; không đúng");
        s.postForm("/trader/sale", Map.of("amount", "600.000.000"), "/trader");
        assertThat(s.get("/trader").body()).as("the ceiling it says is the one it applies")
                .contains("Số tiền &quot;600.000.000&quot; không đúng", "tối đa 500.000.000\u00a0₫");
        String page = s.postForm("/trader/sale", Map.of("amount", "85.000"), "/trader").body();
        assertThat(page).contains("85.000\u00a0₫").contains("Tám mươi lăm nghìn đồng");
        Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(page);
        assertThat(png.find()).isTrue();
        String payload = vn.cho40.vietqr.QrImages.read(java.util.Base64.getDecoder().decode(png.group(1)))
                .orElseThrow();
        var decoded = (vn.cho40.vietqr.Decoded.Valid) vn.cho40.vietqr.VietQr.decode(payload);
        assertThat(decoded.payload().amountVnd()).isEqualTo(85_000L);
        assertThat(vn.cho40.shared.PaymentCode.isValid(decoded.payload().purpose())).isTrue();
    }

    /** The "Cộng tháng" row's total (last column) of an exported book. */
    private static long readXlsxTotal(byte[] xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                if (row.getCell(1) != null && "Cộng tháng".equals(row.getCell(1).getStringCellValue())) {
                    return (long) row.getCell(5).getNumericCellValue();
                }
            }
        }
        throw new AssertionError("no month total row");
    }
}
