package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/**
 * A run's preview through the API shows every bill with its lines (a rate that comes into force mid-month prices its
 * own days on a line of its own) and says in the caller's language why a stall cannot be billed; the page shows the
 * same bills and lines before anything is issued.
 */
@IntegrationTest
class BillingPreviewIT {

    private static final String RUNS = "/api/v1/markets/TN-DAITU/billing-runs";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    FeeRates rates;

    private Http board() {
        return new Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD);
    }

    @Test
    void aRateFromTheFifteenthPricesTheSecondHalfOfTheMonthOnItsOwnLine() {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        // The board's own rent from 15/02/2031 (a market's rate beats the province's), for that fortnight only.
        rates.add(new FeeRate(null, "19", market, null, Charge.RENT, null, null, null, "M2_MONTH", 60_000, true, null,
                "Giá thuê riêng chợ Đại Từ", "31/QĐ-BQL", LocalDate.of(2031, 1, 20), "Ban quản lý chợ Đại Từ",
                LocalDate.of(2031, 2, 15), LocalDate.of(2031, 2, 28)), "test");

        Http.Response r = board().postJson(RUNS, Map.of("period", "2031-02", "dryRun", true));
        assertThat(r.status()).isEqualTo(200);
        JsonNode run = r.json();
        assertThat(run.path("issued").asBoolean()).isFalse();
        JsonNode bills = run.path("billsPreview");
        assertThat(bills.size()).as("every bill of the preview is listed").isEqualTo(run.path("bills").asInt())
                .isGreaterThan(100);
        long sum = 0;
        for (JsonNode b : bills) {
            long lines = 0;
            for (JsonNode l : b.path("lines")) {
                lines += l.path("amountVnd").asLong();
                assertThat(l.path("description").asString()).isNotBlank();
            }
            assertThat(lines).as("a bill's lines add up to it").isEqualTo(b.path("totalVnd").asLong());
            sum += lines;
        }
        assertThat(sum).isEqualTo(run.path("totalVnd").asLong());

        JsonNode a1 = null;
        for (JsonNode b : bills) {
            if (b.path("stallCode").asString().equals("A-1")) {
                a1 = b;
            }
        }
        assertThat(a1).isNotNull();
        List<JsonNode> rent = new ArrayList<>();
        a1.path("lines").forEach(l -> {
            if (l.path("charge").asString().equals("RENT")) {
                rent.add(l);
            }
        });
        assertThat(rent).as("the province's rate to the 14th, the board's from the 15th").hasSize(2);
        assertThat(rent.get(0).path("description").asString()).endsWith("(01/02/2031 – 14/02/2031)");
        assertThat(rent.get(1).path("description").asString()).endsWith("(15/02/2031 – 28/02/2031)");
        assertThat(rent).allSatisfy(l -> assertThat(l.path("daysBilled").asInt()).isEqualTo(14));
        BigDecimal area = db.sql("SELECT area_m2 FROM stall WHERE market_id = ? AND code = 'A-1'").param(market)
                .query(BigDecimal.class).single();
        assertThat(rent.get(1).path("unitPriceVnd").asLong()).isEqualTo(60_000);
        assertThat(rent.get(1).path("amountVnd").asLong()).as("60,000 × area × 14/28")
                .isEqualTo(LineMath.amount(60_000, LineMath.milli(area), 14, 28));
        assertThat(rent.get(0).path("unitPriceVnd").asLong()).isNotEqualTo(60_000);

        String page = board().get("/billing?market=TN-DAITU&period=2031-02&preview=true").body();
        assertThat(page).contains("id=\"preview-lines\"", "data-stall=\"A-1\"", "(15/02/2031 – 28/02/2031)",
                "Cộng quầy A-1");
        assertThat(db.sql("SELECT count(*) FROM billing_run WHERE market_id = ? AND period_start = '2031-02-01'")
                .param(market).query(Integer.class).single()).as("a preview issues nothing").isZero();
    }

    @Test
    void whyAStallCannotBeBilledIsSaidInTheCallersLanguage() {
        // Nobody leased a stall of the demo before June 2021.
        JsonNode vi = board().postJson(RUNS, Map.of("period", "2020-01", "dryRun", true)).json();
        assertThat(vi.path("bills").asInt()).isZero();
        JsonNode first = vi.path("unbillable").get(0);
        assertThat(first.path("reason").asString()).isEqualTo("NO_LEASE");
        assertThat(first.path("message").asString()).isEqualTo("quầy không có ai thuê trong tháng");
        assertThat(first.path("stallCode").asString()).isNotBlank();

        JsonNode en = board().inEnglish().postJson(RUNS, Map.of("period", "2020-01", "dryRun", true)).json();
        assertThat(en.path("unbillable").get(0).path("message").asString()).isEqualTo("nobody leased the stall in the month");

        // A month with leases but no closing meter reading yet: the metered charge is named, in words.
        JsonNode ahead = board().postJson(RUNS, Map.of("period", "2031-03", "dryRun", true)).json();
        JsonNode noReading = null;
        for (JsonNode u : ahead.path("unbillable")) {
            if (u.path("reason").asString().equals("NO_READING")) {
                noReading = u;
            }
        }
        assertThat(noReading).isNotNull();
        assertThat(noReading.path("charge").asString()).isIn("ELECTRICITY", "WATER");
        assertThat(noReading.path("message").asString()).startsWith("chưa có chỉ số công tơ cuối kỳ cho ")
                .doesNotContain("ELECTRICITY", "WATER", "{0}");
    }
}
