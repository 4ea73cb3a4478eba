package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.ledger.Ledger;
import vn.cho40.shared.VnFormats;

/**
 * The cashier takes cash against a stall's unpaid bill on the phone page: more than is due is refused and nothing
 * changes; the receipt shows; the day closes with a count and its difference; a closed day takes nothing more;
 * arrears show the unpaid bills by age; another market's cashier sees none of it.
 */
@IntegrationTest
class CashDeskIT {

    @Autowired
    java.time.Clock clock;
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    Bills bills;
    @Autowired
    Ledger ledger;
    @Autowired
    CashDesk cashDesk;

    private WebSession cashier() {
        WebSession s = new WebSession(port, null, null);
        s.postForm("/login", Map.of("username", "thungan.daitu", "password", DemoProvince.DEMO_PASSWORD), "/login");
        s.get("/billing/cash?market=TN-DAITU");
        return s;
    }

    @Test
    void cashIsTakenReceiptedAndTheDayClosedWithItsCount() throws Exception {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        // The demo left unpaid bills in the last month; take one with no payment yet.
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        Bills.View bill = bills.ofMarket(market, last, "OPEN").stream()
                .filter(b -> bills.payments(b.id()).isEmpty()).findFirst().orElseThrow();
        WebSession desk = cashier();
        assertThat(desk.get("/billing/cash?market=TN-DAITU&stall=" + bill.stallCode()).body())
                .contains(bill.number(), "Ghi thu tiền mặt");
        assertThat(desk.get("/billing/cash?market=TN-DAITU").body()).as("the stalls that owe are offered as one types")
                .contains("<option value=\"" + bill.stallCode() + "\" label=\"" + bill.traderName() + "\">");
        assertThat(desk.get("/billing/cash?market=TN-DAITU&stall=zz-1").body()).as("a typo is not a stall that owes nothing")
                .contains("Không có quầy ZZ-1 ở").doesNotContain("id=\"nothing-due\"");

        long cashBefore = ledger.balance(market, "cash");
        Http.Response tooMuch = desk.postForm("/billing/cash/pay", Map.of("market", "TN-DAITU", "bill",
                bill.id().toString(), "amount", String.valueOf(bill.totalVnd() + 1), "stall", bill.stallCode()),
                "/billing/cash?market=TN-DAITU");
        assertThat(tooMuch.status()).isEqualTo(302);
        assertThat(desk.get(tooMuch.location()).body()).contains("lớn hơn số còn phải trả");
        assertThat(bills.get(bill.id()).orElseThrow().paidVnd()).as("nothing half-saved").isZero();
        Http.Response letters = desk.postForm("/billing/cash/pay", Map.of("market", "TN-DAITU", "bill",
                bill.id().toString(), "amount", "abc", "payer", "Chị Hoa", "stall", bill.stallCode()),
                "/billing/cash?market=TN-DAITU");
        String again = desk.get(letters.location()).body();
        assertThat(again).as("the refusal on the bill's card, what was typed kept, not the amount owed put back")
                .contains("class=\"error refused-bill\"", "Số tiền &quot;abc&quot; không đúng", "value=\"abc\"");

        long part = bill.totalVnd() / 2;
        Http.Response paid = desk.postForm("/billing/cash/pay", Map.of("market", "TN-DAITU", "bill",
                bill.id().toString(), "amount", String.valueOf(part), "payer", "Chị Hoa", "stall", bill.stallCode()),
                "/billing/cash?market=TN-DAITU");
        assertThat(paid.location()).startsWith("/billing/receipts/");
        String receipt = desk.get(paid.location()).body();
        assertThat(receipt).contains("PHIẾU THU", "PT-TN-DAITU-", "Chị Hoa", "đồng", "In phiếu thu", "/js/print.js");
        String cashierName = db.sql("SELECT full_name FROM staff_user WHERE username = 'thungan.daitu'")
                .query(String.class).single();
        assertThat(receipt).as("the paper names the cashier, not the login")
                .contains("<dd id=\"receipt-cashier\">" + cashierName + "</dd>");
        assertThat(receipt.substring(receipt.indexOf("id=\"receipt-signatures\""))).as("signed by payer and cashier")
                .contains("Người nộp tiền", "Chị Hoa", "Người thu tiền", cashierName);
        assertThat(bills.get(bill.id()).orElseThrow().status()).isEqualTo("PARTLY_PAID");
        assertThat(desk.get("/billing/bills/" + bill.id()).body()).as("the bill links its cash receipt")
                .contains("href=\"" + paid.location() + "\"", "Phiếu thu PT-TN-DAITU-");
        desk.postForm("/billing/cash/pay", Map.of("market", "TN-DAITU", "bill", bill.id().toString(), "amount",
                String.valueOf(bill.totalVnd() - part), "stall", bill.stallCode()), "/billing/cash?market=TN-DAITU");
        assertThat(bills.get(bill.id()).orElseThrow().status()).isEqualTo("PAID");
        assertThat(db.sql("SELECT count(*) FROM einvoice_request WHERE source = ?").param("bill:" + bill.id())
                .query(Integer.class).single()).isOne();

        List<Ledger.AccountBalance> books = ledger.trialBalance(market);
        assertThat(books.stream().mapToLong(Ledger.AccountBalance::debitVnd).sum())
                .isEqualTo(books.stream().mapToLong(Ledger.AccountBalance::creditVnd).sum());
        assertThat(ledger.balance(market, "cash") - cashBefore).as("the drawer holds what was taken")
                .isEqualTo(bill.totalVnd());

        desk.get("/billing/cash?market=TN-DAITU");
        Http.Response unexplained = desk.postForm("/billing/cash/close", Map.of("market", "TN-DAITU",
                "counted", String.valueOf(bill.totalVnd() - 5_000)), "/billing/cash?market=TN-DAITU");
        assertThat(desk.get(unexplained.location()).body()).as("a short count needs its reason")
                .contains("Tiền đếm được thiếu " + vn.cho40.shared.Money.vnd(5_000).format(), "ghi lý do chênh lệch")
                .as("the count stays typed").contains("value=\"" + (bill.totalVnd() - 5_000) + "\"");
        // The application's day, which other tests sharing this context may have moved on.
        LocalDate today = cashDesk.today();
        assertThat(db.sql("""
                SELECT count(*) FROM cash_session WHERE cashier = 'thungan.daitu' AND closed_at IS NOT NULL
                AND business_day = ?""").param(today).query(Long.class).single()).as("today's desk stays open").isZero();
        assertThat(db.sql("""
                SELECT count(*) FROM cash_session WHERE cashier = 'thungan.daitu' AND closed_at IS NOT NULL
                AND business_day < ?""").param(today).query(Long.class).single())
                .as("the demo's cashier closed the days gone by").isPositive();
        Http.Response closed = desk.postForm("/billing/cash/close", Map.of("market", "TN-DAITU",
                "counted", String.valueOf(bill.totalVnd() - 5_000), "note", "thiếu 5.000"), "/billing/cash?market=TN-DAITU");
        assertThat(closed.status()).isEqualTo(302);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'CASH_PAYMENT' AND actor = 'thungan.daitu' "
                + "AND subject_id = ?").param(bill.id().toString()).query(Long.class).single())
                .as("each cash payment on record").isEqualTo(2);
        assertThat(db.sql("SELECT detail FROM audit_log WHERE action = 'CASH_CLOSE' AND actor = 'thungan.daitu' "
                + "ORDER BY at DESC LIMIT 1").query(String.class).single())
                .isEqualTo("expected " + bill.totalVnd() + " counted " + (bill.totalVnd() - 5_000));
        Map<String, Object> session = db.sql("""
                SELECT expected_vnd, counted_vnd FROM cash_session WHERE cashier = 'thungan.daitu'
                ORDER BY opened_at DESC LIMIT 1""").query().singleRow();
        assertThat(((Number) session.get("counted_vnd")).longValue() - ((Number) session.get("expected_vnd")).longValue())
                .isEqualTo(-5_000);
        assertThat(desk.get("/billing/cash?market=TN-DAITU").body()).contains("chênh lệch");

        Bills.View other = bills.ofMarket(market, last, "OPEN").stream()
                .filter(b -> bills.payments(b.id()).isEmpty()).findFirst().orElseThrow();
        Http.Response afterClose = desk.postForm("/billing/cash/pay", Map.of("market", "TN-DAITU", "bill",
                other.id().toString(), "amount", "1000", "stall", other.stallCode()), "/billing/cash?market=TN-DAITU");
        assertThat(desk.get(afterClose.location()).body()).contains("đã chốt");
        assertThat(bills.get(other.id()).orElseThrow().paidVnd()).isZero();
        assertThat(desk.get("/billing/cash?market=TN-DAITU&stall=" + other.stallCode()).body())
                .as("a closed day offers no cash form").contains("id=\"day-closed\"", other.number())
                .doesNotContain("Ghi thu tiền mặt");

        WebSession board = new WebSession(port, null, null);
        board.postForm("/login", Map.of("username", "bql.daitu", "password", DemoProvince.DEMO_PASSWORD), "/login");
        // The cash book: today's desk with its short count and reason, and the days the demo's cashier closed.
        String cashBook = board.get("/billing/cashbook?market=TN-DAITU").body();
        assertThat(cashBook).contains("id=\"cash-days\"", VnFormats.date(today), "Lý do: thiếu 5.000",
                "chênh lệch -" + vn.cho40.shared.Money.vnd(5_000).format());
        Map<String, Object> pastDay = db.sql("""
                SELECT s.business_day, s.counted_vnd, count(p.id) AS receipts FROM cash_session s
                JOIN bill_payment p ON p.cash_session_id = s.id
                WHERE s.cashier = 'thungan.daitu' AND s.business_day < ? AND s.closed_at IS NOT NULL
                GROUP BY s.id ORDER BY s.business_day LIMIT 1""").param(today).query().singleRow();
        LocalDate day = ((java.sql.Date) pastDay.get("business_day")).toLocalDate();
        String month = board.get("/billing/cashbook?market=TN-DAITU&month=" + YearMonth.from(day)).body();
        assertThat(month).contains(VnFormats.date(day) + " · ",
                "đếm được " + vn.cho40.shared.Money.vnd(((Number) pastDay.get("counted_vnd")).longValue()).format(),
                ((Number) pastDay.get("receipts")).longValue() + " phiếu thu", "/billing/receipts/");
        assertThat(board.get("/billing/cashbook?market=TN-DAITU&month=2026-13").body()).as("a month that is not one")
                .contains("id=\"month-refused\"");
        assertThat(new WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD)
                .get("/billing/cashbook?market=TN-DAITU").status()).as("another market's board").isIn(403, 404);
        // The auditor reads the book and its receipts, as they read the bills that link to them.
        WebSession auditor = new WebSession(port, "kiemtra.thainguyen", DemoProvince.DEMO_PASSWORD);
        String audited = auditor.get("/billing/cashbook?market=TN-DAITU").body();
        String receiptLink = audited.replaceFirst("(?s).*?href=\"(/billing/receipts/[0-9a-f-]+)\".*", "$1");
        assertThat(auditor.get(receiptLink).body()).contains("PHIẾU THU");
        assertThat(auditor.get("/billing/cash?market=TN-DAITU").status()).as("but takes no cash").isEqualTo(403);
        String arrears = board.get("/billing/arrears?market=TN-DAITU&q=" + other.stallCode()).body();
        assertThat(arrears).contains("Chưa đến hạn", "Quá hạn 1–30 ngày", other.number(), "quầy còn nợ");
        // One row per stall: its unpaid bills add up, with a notice to print for them.
        long stallOwes = bills.openOfStall(market, other.stallCode()).stream()
                .filter(b -> b.traderId().equals(other.traderId())).mapToLong(Bills.View::dueVnd).sum();
        assertThat(arrears).contains(vn.cho40.shared.Money.vnd(stallOwes).format(),
                "/billing/bills/" + bills.openOfStall(market, other.stallCode()).stream()
                        .filter(b -> b.traderId().equals(other.traderId())).findFirst().orElseThrow().id() + "/notice.pdf");
        // The same list as a sheet: a row per stall and the total the page shows.
        long owed = bills.openOfMarket(market).stream().mapToLong(Bills.View::dueVnd).sum();
        assertThat(arrears).contains("id=\"arrears-total\">" + vn.cho40.shared.Money.vnd(owed).format());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                board.getBytes("/billing/arrears.xlsx?market=TN-DAITU")))) {
            var sheet = book.getSheetAt(0);
            var totalRow = sheet.getRow(sheet.getLastRowNum());
            assertThat(totalRow.getCell(1).getStringCellValue()).isEqualTo("Cộng");
            assertThat((long) totalRow.getCell(6).getNumericCellValue()).isEqualTo(owed);
            assertThat((long) totalRow.getCell(2).getNumericCellValue()).isEqualTo(bills.openOfMarket(market).size());
        }
        // Every overdue stall's notice in one file to print, a page each.
        java.util.regex.Matcher offered = java.util.regex.Pattern.compile("In giấy báo nợ (\\d+) quầy quá hạn")
                .matcher(arrears);
        assertThat(offered.find()).as("the board is offered the overdue stalls' notices").isTrue();
        int overdue = Integer.parseInt(offered.group(1));
        assertThat((long) overdue).isPositive().isEqualTo(StallArrears.of(bills.openOfMarket(market),
                vn.cho40.shared.VnFormats.businessDate(clock.instant())).stream()
                .filter(x -> x.age() != ArrearsAging.NOT_DUE).count());
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(board.getBytes("/billing/arrears/notices.pdf?market=TN-DAITU"))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(overdue);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("GIẤY BÁO NỢ PHÍ CHỢ",
                    "Kính gửi: ");
        }
        // The province sees every market of its area by age of what it is owed, each opening on its stalls.
        String area = new WebSession(port, "tinh.thainguyen", DemoProvince.DEMO_PASSWORD).get("/billing/arrears").body();
        assertThat(area).contains("id=\"area-arrears\"", "/billing/arrears?market=TN-DAITU", "Quá hạn 31–60 ngày")
                .doesNotContain("Bung Lao");
        String daitu = area.substring(area.indexOf("/billing/arrears?market=TN-DAITU"));
        daitu = daitu.substring(0, daitu.indexOf("</tr>"));
        assertThat(daitu).contains(vn.cho40.shared.Money.vnd(owed).format());
        WebSession elsewhere = new WebSession(port, null, null);
        elsewhere.postForm("/login", Map.of("username", "bql.bunglao", "password", DemoProvince.DEMO_PASSWORD), "/login");
        assertThat(elsewhere.get("/billing/arrears?market=TN-DAITU").status()).isIn(403, 404);
        assertThat(elsewhere.get("/billing/arrears.xlsx?market=TN-DAITU").status()).isIn(403, 404);
        assertThat(elsewhere.get(paid.location()).status()).isIn(403, 404);
    }
}
