package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.Scope;
import vn.cho40.shared.VnFormats;

/** The board's waiting fee work on its home: a month not billed, waivers to decide, stalls overdue. */
@IntegrationTest
class BillingTasksIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    BillingTasks tasks;
    @Autowired
    java.time.Clock clock;

    @Test
    void aMonthWithLeasesAndNoRunIsDueUntilItIsBilled() {
        Scope.SqlFilter daitu = Scope.of(Scope.Kind.MARKET, "TN-DAITU").sql();
        LocalDate lastMonth = VnFormats.businessDate(clock.instant()).withDayOfMonth(1).minusMonths(1);
        assertThat(tasks.unbilled(daitu, lastMonth)).as("the demo billed last month").isZero();
        assertThat(tasks.unbilled(daitu, LocalDate.of(2039, 3, 1))).as("leases run on, nothing billed").isEqualTo(1);
        assertThat(tasks.unbilled(Scope.of(Scope.Kind.PROVINCE, "19").sql(), LocalDate.of(2039, 3, 1)))
                .as("every market of the province with an account to be paid into and a stall leased then")
                .isEqualTo(db.sql("""
                        SELECT count(*) FROM market m WHERE m.province_code = '19' AND m.collection_account_no IS NOT NULL
                          AND EXISTS (SELECT 1 FROM lease l WHERE l.market_id = m.id AND l.ends_on IS NULL)""")
                        .query(Long.class).single()).isPositive();
    }

    @Test
    void theBoardsHomeShowsItsFeesAndItsWaiversToDecide() {
        LocalDate today = VnFormats.businessDate(clock.instant());
        record Owed(long stalls, long vnd) {
        }
        Owed overdue = db.sql("""
                SELECT count(DISTINCT b.stall_id), coalesce(sum(b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd), 0)
                FROM bill b JOIN market m ON m.id = b.market_id
                WHERE m.code = 'TN-DAITU' AND b.status IN ('OPEN', 'PARTLY_PAID') AND b.due_on < ?""")
                .param(today).query((rs, n) -> new Owed(rs.getLong(1), rs.getLong(2))).single();
        assertThat(overdue.stalls()).isPositive();
        String home = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD).get("/home").body();
        assertThat(home).contains("id=\"fees\"", "Hóa đơn tháng " + today.minusMonths(1).getMonthValue() + "/",
                "data-value=\"" + overdue.vnd() + "\"", overdue.stalls() + " quầy");
        String desk = new WebSession(port, "thungan.daitu", DemoProvince.DEMO_PASSWORD).get("/home").body();
        assertThat(desk).contains("id=\"desk-cash\"", "id=\"fees\"");

        Map<String, Long> board = mine("bql.daitu");
        assertThat(board).as("overdue stalls are a figure, not a task").doesNotContainKeys("BILLS_OVERDUE",
                "BILLING_RUN_DUE");
        long waiting = db.sql("""
                SELECT count(*) FROM bill_waiver w JOIN market m ON m.id = w.market_id
                WHERE m.code = 'TN-DAITU' AND w.status = 'REQUESTED' AND w.requested_by <> 'bql.daitu'""")
                .query(Long.class).single();
        assertThat(board.getOrDefault("BILL_WAIVERS", 0L)).isEqualTo(waiting);
        assertThat(mine("thungan.daitu")).as("the cashier issues and decides nothing")
                .doesNotContainKeys("BILL_WAIVERS", "BILLING_RUN_DUE");
    }

    private Map<String, Long> mine(String user) {
        Http.Response r = new Http(port).as(user, DemoProvince.DEMO_PASSWORD).get("/api/v1/me/tasks");
        assertThat(r.status()).isEqualTo(200);
        Map<String, Long> out = new java.util.HashMap<>();
        r.json().valueStream().forEach(t -> out.put(t.get("kind").asString(), t.get("count").asLong()));
        return out;
    }
}
