package vn.cho40.trader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
import vn.cho40.shared.VnFormats;

/**
 * A board gives a trader onboarded without a stall a stall of the market, and ends a lease, on the trader's page:
 * one lease of a stall at a time, never two over the same days, only the trader's reviewed accounts on the QR.
 */
@IntegrationTest
class LeasePagesIT {

    private static final String MARKET = "LEASE-W";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    StallAccounts stallAccounts;
    @Autowired
    java.time.Clock clock;

    private String trader(Http admin, String cccd, String phone) {
        Map<String, Object> t = new HashMap<>(Map.of("marketCode", MARKET, "fullName", "Lò Văn Pọm", "idNumber", cccd,
                "birthDate", "1975-02-01", "phone", phone, "consent", true));
        Http.Response made = admin.postJson("/api/v1/traders", t);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asString();
    }

    private UUID stall(String code) {
        return db.sql("SELECT s.id FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = ? AND s.code = ?")
                .params(MARKET, code).query(UUID.class).single();
    }

    private long leases(String traderId) {
        return db.sql("SELECT count(*) FROM lease WHERE trader_id = ?").param(UUID.fromString(traderId))
                .query(Long.class).single();
    }

    @Test
    void theBoardLeasesAStallOnTheTradersPageAndEndsIt() {
        Http admin = new Http(port).asAdmin();
        admin.postJson("/api/v1/markets", Map.of("code", MARKET, "name", "Chợ cho thuê quầy", "communeCode", "05488",
                "marketClass", 3, "operatorType", "BOARD"));
        for (String code : new String[] {"A-1", "A-2"}) {
            assertThat(admin.postJson("/api/v1/markets/" + MARKET + "/stalls", Map.of("code", code, "category", "Cá",
                    "areaM2", "4")).status()).isEqualTo(201);
        }
        String one = trader(admin, "019075888101", "0977888101");
        String two = trader(admin, "019075888202", "0977888202");
        String account = admin.postJson("/api/v1/traders/" + one + "/accounts", Map.of("bin", "970415", "accountNo",
                "101288800011", "holderName", "LO VAN POM")).json().get("id").asString();
        LocalDate today = VnFormats.businessDate(clock.instant());

        WebSession board = new WebSession(port, "tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        String page = "/admin/traders/" + one;
        String before = board.get(page).body();
        assertThat(before).contains("Chưa thuê quầy nào.", "id=\"lease-form\"", "<option value=\"A-1\">",
                "<option value=\"A-2\">", "Chợ còn 2 quầy trống", "•••• 0011",
                "Đã đồng ý theo Nghị định 13/2023/NĐ-CP").doesNotContain("ND13-2023-v1");

        // A wrong date and a missing stall: both named, nothing saved.
        Http.Response bad = board.postForm(page + "/leases", Map.of("stallCode", "", "startsOn", "31/02/2026",
                "accountId", account), page);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("data-field=\"startsOn\"", "Ngày &quot;31/02/2026&quot; không đúng",
                "data-field=\"stallCode\"", "Nhập mã quầy");
        assertThat(leases(one)).isZero();

        Http.Response leased = board.postForm(page + "/leases", Map.of("stallCode", "a-1", "startsOn",
                today.toString(), "accountId", account), page);
        assertThat(leased.status()).as(leased.body()).isEqualTo(302);
        assertThat(board.get(leased.location()).body()).contains("Đã cho thuê quầy A-1 từ ngày "
                + VnFormats.date(today), "Đang thuê", "Chợ còn 1 quầy trống", "Chợ cho thuê quầy</span>");
        assertThat(stallAccounts.defaultFor(stall("A-1")).orElseThrow().accountId()).as("the QR pays the trader")
                .isEqualTo(UUID.fromString(account));

        // The stall is taken while the lease is open; once it ends, a new lease starts after the end, not on it.
        String pageTwo = "/admin/traders/" + two;
        Http.Response taken = board.postForm(pageTwo + "/leases", Map.of("stallCode", "A-1", "startsOn",
                today.toString()), pageTwo);
        assertThat(taken.body()).contains("Quầy A-1 đang có người thuê");
        UUID lease = db.sql("SELECT id FROM lease WHERE trader_id = ?").param(UUID.fromString(one))
                .query(UUID.class).single();
        Http.Response ended = board.postForm(page + "/leases/" + lease + "/end", Map.of("endsOn",
                VnFormats.date(today)), page);
        assertThat(ended.status()).isEqualTo(302);
        assertThat(board.get(ended.location()).body()).contains("Đã kết thúc thuê quầy A-1 ngày "
                + VnFormats.date(today), "Đã kết thúc", "đến " + VnFormats.date(today))
                .as("its last day is still leased: not offered today").doesNotContain("<option value=\"A-1\">");
        assertThat(stallAccounts.defaultFor(stall("A-1"))).as("the QR no longer pays the old trader").isEmpty();
        Http.Response twice = board.postForm(page + "/leases/" + lease + "/end", Map.of("endsOn",
                today.toString()), page);
        assertThat(twice.body()).contains("Hợp đồng đã kết thúc ngày " + VnFormats.date(today));

        Http.Response overlap = board.postForm(pageTwo + "/leases", Map.of("stallCode", "A-1", "startsOn",
                today.toString()), pageTwo);
        assertThat(overlap.status()).isEqualTo(200);
        assertThat(overlap.body()).contains("Quầy A-1 có người thuê đến hết ngày " + VnFormats.date(today));
        assertThat(leases(two)).isZero();
        Http.Response next = board.postForm(pageTwo + "/leases", Map.of("stallCode", "A-1", "startsOn",
                today.plusDays(1).toString()), pageTwo);
        assertThat(next.status()).isEqualTo(302);
        assertThat(leases(two)).isOne();
        assertThat(stallAccounts.defaultFor(stall("A-1"))).as("no account chosen: no QR yet").isEmpty();
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action IN ('LEASE_START', 'LEASE_END') "
                + "AND subject_id IN (SELECT id::text FROM lease WHERE stall_id = ?)").param(stall("A-1"))
                .query(Long.class).single()).isEqualTo(3);

        // The last free stall taken: the form gives way to what to do instead.
        assertThat(board.postForm(pageTwo + "/leases", Map.of("stallCode", "A-2", "startsOn", today.toString()),
                pageTwo).status()).isEqualTo(302);
        assertThat(board.get(page).body()).contains("id=\"no-free-stall\"", "Chợ không còn quầy trống")
                .doesNotContain("id=\"lease-form\"");

        // A lease from tomorrow is not yet held; ending one needs a date (an end is not undone: nothing assumed).
        assertThat(board.get(pageTwo).body()).contains("Sắp thuê", "Đang thuê");
        UUID upcoming = db.sql("SELECT id FROM lease WHERE trader_id = ? AND starts_on > ?")
                .params(UUID.fromString(two), today).query(UUID.class).single();
        Http.Response noDate = board.postForm(pageTwo + "/leases/" + upcoming + "/end", Map.of("endsOn", ""), pageTwo);
        assertThat(noDate.body()).contains("Nhập ngày kết thúc thuê quầy");
        assertThat(db.sql("SELECT ends_on IS NULL FROM lease WHERE id = ?").param(upcoming).query(Boolean.class)
                .single()).isTrue();

        // Another market's board reaches neither the page nor its forms.
        WebSession otherBoard = new WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(otherBoard.get(page).status()).isEqualTo(404);
        otherBoard.get("/admin/traders");
        Http.Response foreign = otherBoard.postForm(page + "/leases", Map.of("stallCode", "A-2", "startsOn",
                today.toString()), "/admin/traders");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(leases(one)).isOne();
    }
}
