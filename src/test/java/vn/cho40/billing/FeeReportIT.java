package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.shared.VnFormats;

/**
 * The fee report agrees with the bills and payments it sums (recounted here in plain SQL), opens from the province on
 * a market and from the market on its stalls, is scoped, and exports the same figures to XLSX and PDF.
 */
@IntegrationTest
class FeeReportIT {

    private static final String PW = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    vn.cho40.payment.PaymentMatcher matcher;

    @Test
    void theReportSumsTheMonthsBillsAndDrillsDownToAStall() throws Exception {
        vn.cho40.payment.MatchAll.now(matcher, db);
        YearMonth month = YearMonth.now(VnFormats.VIETNAM).minusMonths(2);
        long billed = db.sql("""
                SELECT sum(b.total_vnd) FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.period_start = ?""").param(month.atDay(1)).query(Long.class).single();
        long transfer = db.sql("""
                SELECT coalesce(sum(p.amount_vnd), 0) FROM bill_payment p JOIN bill b ON b.id = p.bill_id
                JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.period_start = ? AND p.method = 'TRANSFER'""").param(month.atDay(1))
                .query(Long.class).single();
        assertThat(billed).isPositive();
        assertThat(transfer).as("the demo paid most of that month by transfer").isPositive();

        WebSession province = new WebSession(port, "tinh.thainguyen", PW);
        String all = province.get("/billing/report?month=" + month).body();
        assertThat(all).contains("Chợ trung tâm Đại Từ", "/billing/report?market=TN-DAITU").doesNotContain("Bung Lao");
        String market = province.get("/billing/report?market=TN-DAITU&month=" + month).body();
        assertThat(market).as("the other language keeps the market and the month")
                .contains("id=\"lang\" href=\"/billing/report?market=TN-DAITU&amp;month=" + month + "&amp;lang=en\"");
        assertThat(province.get("/billing/report?market=TN-DAITU&month=" + month + "&lang=vi").body())
                .as("lang is replaced, not repeated").contains("month=" + month + "&amp;lang=en\"")
                .doesNotContain("lang=vi&amp;lang");
        assertThat(market).contains("id=\"fee-report\"", "A-1", "/billing/bills/")
                .as("a year is printed as a year").contains("tháng " + month.getMonthValue() + "/" + month.getYear());
        assertThat(market).contains("id=\"report-billed\">" + vn.cho40.shared.Money.vnd(billed).format())
                .contains("id=\"report-transfer\">" + vn.cho40.shared.Money.vnd(transfer).format());
        long waived = db.sql("""
                SELECT sum(b.waived_vnd) FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.period_start = ?""").param(month.atDay(1)).query(Long.class).single();
        assertThat(market).contains("id=\"report-waived\">" + vn.cho40.shared.Money.vnd(waived).format(),
                "id=\"report-credit\">");
        // The share without cash, by amount and by number of payments, read from the payments themselves.
        var counts = db.sql("""
                SELECT count(*) FILTER (WHERE p.method = 'TRANSFER'), count(*) FILTER (WHERE p.method = 'CASH'),
                       coalesce(sum(p.amount_vnd) FILTER (WHERE p.method = 'CASH'), 0)
                FROM bill_payment p JOIN bill b ON b.id = p.bill_id JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.period_start = ?""").param(month.atDay(1))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        assertThat(counts[1]).as("the demo paid some of that month in cash").isPositive();
        assertThat(market).contains("id=\"report-cash\">" + vn.cho40.shared.Money.vnd(counts[2]).format());
        long outstanding = db.sql("""
                SELECT coalesce(sum(b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd), 0)
                FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.period_start = ? AND b.status IN ('OPEN', 'PARTLY_PAID')""").param(month.atDay(1))
                .query(Long.class).single();
        assertThat(outstanding).as("the demo left some of that month unpaid").isPositive();
        assertThat(market).contains("id=\"report-outstanding\">" + vn.cho40.shared.Money.vnd(outstanding).format());
        long byCount = Math.round(counts[0] * 1000.0 / (counts[0] + counts[1]));
        long byAmount = Math.round(transfer * 1000.0 / (transfer + counts[2]));
        assertThat(market).contains("id=\"report-share-count\">" + byCount / 10 + "," + byCount % 10 + " %")
                .contains("id=\"report-share\">" + byAmount / 10 + "," + byAmount % 10 + " %")
                .as("the totals come first on the page").contains("id=\"report-figures\"");
        assertThat(market.indexOf("id=\"report-figures\"")).isLessThan(market.indexOf("id=\"fee-report\""));
        // Stalls read in the order the market's rows are walked: A-2 before A-10.
        assertThat(market).contains(">A-2 · ", ">A-10 · ");
        assertThat(market.indexOf(">A-2 · ")).isLessThan(market.indexOf(">A-10 · "));
        assertThat(province.get("/billing/report?market=TN-DAITU&month=2026-13").body()).as("a month that is not one")
                .contains("id=\"month-refused\"", "&quot;2026-13&quot; không phải một tháng");
        var badFile = province.get("/billing/report.xlsx?market=TN-DAITU&month=2026-1");
        assertThat(badFile.status()).as("no file for another month than asked").isIn(400, 422);
        assertThat(badFile.body()).contains("Tháng &quot;2026-1&quot; không đúng");
        assertThat(new WebSession(port, "bql.bunglao", PW).get("/billing/report?market=TN-DAITU&month=" + month)
                .status()).as("another market's board").isIn(403, 404);

        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                province.getBytes("/billing/report.xlsx?market=TN-DAITU&month=" + month)))) {
            var sheet = book.getSheetAt(0);
            var last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("Cộng");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).as("when it was made")
                    .containsPattern("Lập ngày \\d\\d/\\d\\d/\\d{4}");
            assertThat((long) last.getCell(3).getNumericCellValue()).isEqualTo(billed);
            assertThat((long) last.getCell(5).getNumericCellValue()).isEqualTo(transfer);
        }
        try (var doc = Loader.loadPDF(province.getBytes("/billing/report.pdf?market=TN-DAITU&month=" + month))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("BÁO CÁO THU PHÍ CHỢ THÁNG "
                    + month.getMonthValue() + "/" + month.getYear(), VnFormats.groupThousands(billed));
        }
    }
}
