package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/**
 * The rate book on screen: a board adds its own market's rate with its legal basis, never a province-wide one; a
 * rate that overlaps another is refused until the old one is ended; another market's board cannot touch it; the
 * province sets a rate for a class of markets. Each change is audited; a refused form saves nothing.
 */
@IntegrationTest
class RateBookIT {

    private static final String PW = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    private long rates() {
        return db.sql("SELECT count(*) FROM fee_rate").query(Long.class).single();
    }

    private static Map<String, String> parking(String from) {
        Map<String, String> f = new HashMap<>(Map.of("province", "19", "charge", "PARKING", "scope", "MARKET",
                "market", "TN-DAITU", "unit", "STALL_MONTH", "price", "15.000", "legalBasis", "12/QĐ-BQL",
                "legalBasisDate", "2026-11-20", "legalIssuer", "Ban quản lý chợ Đại Từ", "effectiveFrom", from));
        f.put("label", "Trông giữ xe máy của tiểu thương");
        return f;
    }

    @Test
    void aBoardKeepsItsOwnMarketsRatesWithTheirLegalBasis() {
        WebSession board = new WebSession(port, "bql.daitu", PW);
        String page = board.get("/billing/rates").body();
        assertThat(page).contains("id=\"rate-form\"", "value=\"MARKET\"").doesNotContain("value=\"PROVINCE\"");
        long before = rates();
        Map<String, String> wide = parking("2027-01-01");
        wide.put("scope", "PROVINCE");
        assertThat(board.postForm("/billing/rates", wide, "/billing/rates").body()).contains("Chỉ cán bộ của tỉnh");
        Map<String, String> bare = parking("2027-01-01");
        bare.remove("legalBasis");
        bare.put("price", "0");
        bare.put("vatPercent", "tám");
        Http.Response refused = board.postForm("/billing/rates", bare, "/billing/rates");
        assertThat(refused.body()).contains("Nhập căn cứ pháp lý", "Giá phải lớn hơn 0", "Thuế suất là một số");
        assertThat(rates()).as("nothing half-saved").isEqualTo(before);
        assertThat(board.postForm("/billing/rates", parking("2026-11-01"), "/billing/rates").body())
                .as("before its decision of 20/11/2026").contains("không áp dụng hồi tố", "20/11/2026");
        assertThat(rates()).isEqualTo(before);

        Http.Response added = board.postForm("/billing/rates", parking("2027-01-01"), "/billing/rates");
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        UUID id = db.sql("SELECT id FROM fee_rate WHERE legal_basis = '12/QĐ-BQL' AND effective_from = '2027-01-01'")
                .query(UUID.class).single();
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'FEE_RATE_ADD' AND subject_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(board.get("/billing/rates").body()).contains("Trông giữ xe máy của tiểu thương", "Chợ trung tâm Đại Từ");
        assertThat(board.postForm("/billing/rates", parking("2027-03-01"), "/billing/rates").body())
                .as("the same stalls, charge and days").contains("Đã có mức giá cùng phạm vi");

        assertThat(new WebSession(port, "bql.bunglao", PW).postForm("/billing/rates/" + id + "/end",
                Map.of("lastDay", "2027-02-28"), "/billing/rates").status()).as("another market's board").isEqualTo(404);
        assertThat(board.postForm("/billing/rates/" + id + "/end", Map.of("lastDay", "2026-12-31"), "/billing/rates")
                .body()).as("before it began").contains("Ngày cuối phải từ ngày bắt đầu");
        assertThat(board.postForm("/billing/rates/" + id + "/end", Map.of("lastDay", "2027-02-28"), "/billing/rates")
                .status()).isEqualTo(302);
        assertThat(db.sql("SELECT detail FROM audit_log WHERE action = 'FEE_RATE_END' AND subject_id = ?")
                .param(id.toString()).query(String.class).list()).singleElement().asString().endsWith("28/02/2027");
        Http.Response next = board.postForm("/billing/rates", parking("2027-03-01"), "/billing/rates");
        assertThat(next.status()).as("the new decision after the old one ended").isEqualTo(302);

        WebSession province = new WebSession(port, "tinh.thainguyen", PW);
        Map<String, String> byClass = parking("2027-01-01");
        byClass.putAll(Map.of("scope", "CLASS", "marketClass", "2", "charge", "SECURITY", "legalBasis", "1234/QĐ-UBND",
                "legalIssuer", "UBND tỉnh Thái Nguyên"));
        assertThat(province.postForm("/billing/rates", byClass, "/billing/rates").status()).isEqualTo(302);
        assertThat(db.sql("SELECT market_class FROM fee_rate WHERE legal_basis = '1234/QĐ-UBND'").query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Autowired
    BillingRuns runs;
    @Autowired
    vn.cho40.market.Markets markets;

    @Test
    void aBoardKeepsItsStallsFeeFactsAndTheNextRunReadsThem() {
        WebSession board = new WebSession(port, "bql.daitu", PW);
        assertThat(board.get("/billing/stalls").body()).contains("id=\"stall-facts\"", "A-2", "(mặc định)");
        UUID stall = db.sql("SELECT s.id FROM stall s JOIN market m ON m.id = s.market_id WHERE m.code = 'TN-DAITU' AND s.code = 'A-2'")
                .query(UUID.class).single();
        String path = "/billing/stalls/" + stall;
        assertThat(board.postForm(path, Map.of("positionClass", "a b", "seller", "NON_FIXED"), path).body())
                .contains("Loại vị trí gồm tối đa 10 chữ cái");
        assertThat(new WebSession(port, "bql.bunglao", PW).get(path).status()).as("another market").isEqualTo(404);
        assertThat(new WebSession(port, "thungan.daitu", PW).postForm(path, Map.of("seller", "FIXED"), "/billing/stalls")
                .status()).as("a cashier reads, never edits").isIn(403, 404);
        Http.Response saved = board.postFormMulti(path, List.of(Map.entry("positionClass", "a1"),
                Map.entry("covered", "on"), Map.entry("seller", "NON_FIXED"), Map.entry("charges", "RENT"),
                Map.entry("charges", "WATER")), path);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(db.sql("SELECT position_class || ' ' || seller || ' ' || array_to_string(charges, ',') FROM stall_fee_profile WHERE stall_id = ?")
                .param(stall).query(String.class).single()).isEqualTo("A1 NON_FIXED RENT,WATER");
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'STALL_FEE_PROFILE' AND subject_id = ?")
                .param(stall.toString()).query(Long.class).single()).isEqualTo(1);
        // The next run bills water to A-2 (or says which reading it lacks) and no longer bills it cleaning.
        var preview = runs.preview(markets.get("TN-DAITU"), java.time.YearMonth.now(vn.cho40.shared.VnFormats.VIETNAM));
        boolean water = preview.bills().stream().filter(b -> b.stallCode().equals("A-2"))
                .flatMap(b -> b.lines().stream()).anyMatch(l -> l.charge() == Charge.WATER)
                || preview.unbillable().stream().anyMatch(u -> u.stallCode().equals("A-2") && u.arg().equals("WATER"));
        assertThat(water).isTrue();
        assertThat(preview.bills().stream().filter(b -> b.stallCode().equals("A-2")).flatMap(b -> b.lines().stream())
                .noneMatch(l -> l.charge() == Charge.CLEANING)).isTrue();
    }
}
