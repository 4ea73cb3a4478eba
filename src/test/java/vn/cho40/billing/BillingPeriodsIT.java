package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;
import vn.cho40.shared.VnFormats;

/**
 * Other periods than a month: a day of tickets bills only the non-fixed sellers' per-session charges and is due that
 * day; a quarter bills monthly prices three times over and refuses a month inside it (no day billed twice); each
 * period is issued once.
 */
@IntegrationTest
class BillingPeriodsIT {

    @LocalServerPort
    int port;
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    FeeRates rates;

    private Http province() {
        return new Http(port).as("tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
    }

    @Test
    void aDayOfTicketsBillsTheNonFixedSellersPerSession() {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-LABANG'").query(UUID.class).single();
        // Two stalls of non-fixed sellers, billed a market ticket per session (a rate of the market's own).
        db.sql("""
                INSERT INTO stall_fee_profile (stall_id, market_id, position_class, covered, seller, charges, updated_at, updated_by)
                SELECT s.id, s.market_id, NULL, false, 'NON_FIXED', ARRAY['OTHER'], now(), 'test' FROM stall s
                WHERE s.market_id = ? AND s.id IN (SELECT stall_id FROM lease WHERE ends_on IS NULL) ORDER BY s.code LIMIT 2
                ON CONFLICT (stall_id) DO UPDATE SET seller = 'NON_FIXED', charges = ARRAY['OTHER']""").param(market)
                .update();
        rates.add(new FeeRate(null, "19", market, null, Charge.OTHER, null, null, "NON_FIXED", "SESSION", 5_000, true,
                null, "Vé chợ theo phiên", "7/QĐ-BQL", LocalDate.of(2026, 1, 5), "Ban quản lý chợ La Bằng",
                LocalDate.of(2026, 1, 5), null), "test");
        LocalDate today = LocalDate.now(clock.withZone(VnFormats.VIETNAM)); // the platform's day: logins move it on
        Http.Response preview = province().postJson("/api/v1/markets/TN-LABANG/billing-runs",
                java.util.Map.of("period", String.valueOf(today), "dryRun", true));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("bills").asInt()).isEqualTo(2);
        assertThat(preview.json().get("totalVnd").asLong()).isEqualTo(10_000);
        assertThat(province().postJson("/api/v1/markets/TN-LABANG/billing-runs", java.util.Map.of("period", String.valueOf(today)))
                .status()).isEqualTo(200);
        assertThat(db.sql("""
                SELECT count(*) FROM bill WHERE market_id = ? AND period_start = ? AND period_end = ? AND due_on = ?
                  AND total_vnd = 5000""").params(market, today, today, today).query(Long.class).single()).isEqualTo(2);
        Http.Response again = province().postJson("/api/v1/markets/TN-LABANG/billing-runs", java.util.Map.of("period", String.valueOf(today)));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("đã lập hóa đơn rồi");
    }

    @Test
    void aQuarterBillsMonthlyPricesThreeTimesAndNoMonthInsideItAgain() {
        int year = LocalDate.now(VnFormats.VIETNAM).getYear() + 1;
        long months = 0;
        for (String m : new String[] {"-01", "-02", "-03"}) {
            months += province().postJson("/api/v1/markets/TN-DUCXUAN/billing-runs",
                    java.util.Map.of("period", year + m, "dryRun", true)).json().get("totalVnd").asLong();
        }
        Http.Response quarter = province().postJson("/api/v1/markets/TN-DUCXUAN/billing-runs",
                java.util.Map.of("period", year + "-Q1", "dryRun", true));
        assertThat(quarter.status()).as(quarter.body()).isEqualTo(200);
        assertThat(months).isPositive();
        // The three months' prices (monthly ones three times, per-day ones for its 90 days; stalls leased throughout,
        // no metered charge in the future), to the đồng but for the rounding of each line once instead of thrice.
        assertThat(quarter.json().get("totalVnd").asLong()).isCloseTo(months,
                org.assertj.core.data.Offset.offset(2L * quarter.json().get("bills").asLong()));
        assertThat(province().postJson("/api/v1/markets/TN-DUCXUAN/billing-runs", java.util.Map.of("period", year + "-Q1"))
                .status()).isEqualTo(200);
        // On the board's page a quarter is previewed before it is issued, named as a quarter, its bills too.
        vn.cho40.WebSession web = new vn.cho40.WebSession(port, "tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        String issuedPreview = web.get("/billing?market=TN-DUCXUAN&run=" + year + "-Q1").body();
        assertThat(issuedPreview).contains("Xem trước hóa đơn: Quý 1/" + year, "đã lập hóa đơn rồi")
                .doesNotContain("id=\"issue-form\"");
        String next = web.get("/billing?market=TN-DUCXUAN&run=" + year + "-q2").body();
        assertThat(next).contains("Xem trước hóa đơn: Quý 2/" + year, "id=\"issue-form\"", "name=\"confirmPeriod\"",
                "value=\"" + year + "-Q2\"");
        assertThat(web.get("/billing?market=TN-DUCXUAN&run=Q9").body()).contains("Kỳ &quot;Q9&quot; không đúng dạng");
        UUID quarterBill = db.sql("""
                SELECT b.id FROM bill b JOIN market m ON m.id = b.market_id WHERE m.code = 'TN-DUCXUAN'
                  AND b.period_start = ? AND b.period_end = ? LIMIT 1""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31)).query(UUID.class).single();
        assertThat(web.get("/billing/bills/" + quarterBill).body()).contains("Quý 1/" + year).doesNotContain("Tháng 1/");
        assertThat(web.get("/billing?market=TN-DUCXUAN&period=" + year + "-01").body()).as("the quarter's bills are "
                + "listed under its first month").contains(quarterBill.toString());

        Http.Response inside = province().postJson("/api/v1/markets/TN-DUCXUAN/billing-runs",
                java.util.Map.of("period", year + "-02"));
        assertThat(inside.status()).isEqualTo(422);
        assertThat(inside.body()).contains("trùng với một kỳ đã lập");
        assertThat(province().postJson("/api/v1/markets/TN-DUCXUAN/billing-runs", java.util.Map.of("period", "sau tết")).body())
                .contains("nhập tháng 2026-11, quý 2026-Q4 hoặc ngày");
    }
}
