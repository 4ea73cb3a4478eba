package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.VnFormats;

/**
 * The board's long lists (a month's bills, the stall fee register, arrears by stall) come a page at a time and are
 * searched by stall code or by the trader's name typed without diacritics.
 */
@IntegrationTest
class BillListsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    java.time.Clock clock;

    @Test
    void aMonthsBillsArePagedAndFoundByStallOrName() {
        YearMonth last = YearMonth.now(VnFormats.VIETNAM).minusMonths(1);
        record Row(UUID id, String number, String stall, String trader) {
        }
        long count = db.sql("""
                SELECT count(*) FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.period_start BETWEEN ? AND ?""")
                .params(last.atDay(1), last.atEndOfMonth()).query(Long.class).single();
        Row one = db.sql("""
                SELECT b.id, b.number, s.code, t.full_name FROM bill b JOIN market m ON m.id = b.market_id
                JOIN stall s ON s.id = b.stall_id JOIN trader t ON t.id = b.trader_id
                WHERE m.code = 'TN-DAITU' AND b.period_start = ? AND b.kind = 'BILL' ORDER BY s.code DESC LIMIT 1""")
                .param(last.atDay(1)).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4))).single();
        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        String base = "/billing?market=TN-DAITU&period=" + last;

        String first = board.get(base).body();
        assertThat(count).as("the demo market bills more than a page").isGreaterThan(50);
        assertThat(first).contains("1–50 trong số " + count, "rel=\"next\"", "page=2");
        String lastPage = board.get(base + "&page=999").body();
        assertThat(lastPage).as("a page past the end shows the last").doesNotContain("rel=\"next\"").contains("rel=\"prev\"");

        String byStall = board.get(base + "&q=" + one.stall()).body();
        assertThat(byStall).contains(one.number());
        String surname = SearchText.fold(one.trader()).split(" ")[0];
        String byName = board.get(base + "&q=" + surname.toUpperCase()).body();
        assertThat(byName).contains(one.number());
        assertThat(board.get(base + "&q=zzqq").body()).contains("Không có quầy hay tiểu thương nào khớp");

        String register = board.get("/billing/stalls?market=TN-DAITU&q=" + one.stall()).body();
        assertThat(register).contains(">" + one.stall() + "<").contains("1–");
        assertThat(board.get("/billing/stalls?market=TN-DAITU").body()).contains("rel=\"next\"");

        String arrears = board.get("/billing/arrears?market=TN-DAITU&q=zzqq").body();
        assertThat(arrears).contains("Không có quầy hay tiểu thương nào khớp").contains("id=\"buckets\"");
    }

    @Test
    void aMonthTypedByHandIsReadOrSaidToBeNone() {
        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        var typed = board.get("/billing?market=TN-DAITU&period=10/2026");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.body()).as("10/2026 read as a month").contains("value=\"2026-10\"").doesNotContain("id=\"refused\"");
        var wrong = board.get("/billing?market=TN-DAITU&period=th%C3%A1ng+m%C6%B0%E1%BB%9Di");
        assertThat(wrong.status()).as("not a 400").isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"refused\"", "&quot;tháng mười&quot; không phải một tháng");
    }

    @Test
    void billsAreFilteredByStatusOverdueIncludedAndAStatusThatIsNoneIsRefused() {
        // The application's day (tests sharing this context may have moved its clock on).
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(VnFormats.VIETNAM));
        YearMonth older = YearMonth.from(today).minusMonths(2);
        long overdue = db.sql("""
                SELECT count(*) FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.period_start BETWEEN ? AND ? AND b.status IN ('OPEN', 'PARTLY_PAID')
                AND b.due_on < ?""").params(older.atDay(1), older.atEndOfMonth(), today)
                .query(Long.class).single();
        assertThat(overdue).as("the demo leaves bills of two months ago unpaid past their due date").isPositive();
        vn.cho40.Http api = new vn.cho40.Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD);
        vn.cho40.Http.Response list = api.get("/api/v1/markets/TN-DAITU/bills?period=" + older + "&status=overdue");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().split("\"paymentCode\"").length - 1).isEqualTo((int) overdue);
        assertThat(list.body()).doesNotContain("\"status\":\"PAID\"");

        vn.cho40.Http.Response wrong = api.get("/api/v1/markets/TN-DAITU/bills?period=" + older + "&status=UNPAID");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Trạng thái \\\"UNPAID\\\" không có", "OVERDUE", "\"field\":\"status\"");

        WebSession board = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        String page = board.get("/billing?market=TN-DAITU&period=" + older + "&status=OVERDUE").body();
        assertThat(page).contains("trong số " + overdue)
                .containsPattern("<option value=\"OVERDUE\"\\s+selected=\"selected\">Quá hạn</option>");
    }
}
