package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/**
 * Documents asked for by a settling module are numbered, signed and published: numbers without gaps or duplicates
 * under concurrent issuing and a failure mid-issue, the public lookup by code with the signature checked, the
 * board's register and setting scoped to its market.
 */
@IntegrationTest
class EInvoiceIT {

    @LocalServerPort
    int port;
    /** The application's clock (tests of the run move it on): what the issuer calls due. */
    @Autowired
    java.time.Clock clock;
    @Autowired
    EInvoices einvoices;
    @Autowired
    EInvoiceIssuer issuer;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient db;

    private UUID market(String code) {
        return db.sql("SELECT id FROM market WHERE code = ?").param(code).query(UUID.class).single();
    }

    private void ask(UUID market, String source, long amount) {
        tx.executeWithoutResult(s -> einvoices.request(market, source, EInvoices.Kind.INVOICE, new EInvoices.Draft(
                new EDocument.Party("Nguyễn Thị Hoa", null, "Quầy A-1"),
                List.of(new EDocument.Line("Giá dịch vụ sử dụng diện tích bán hàng tháng 11/2026", "tháng", 1_000,
                        amount, amount, "8%")), LocalDate.of(2026, 11, 30))));
    }

    private List<Integer> numbers(UUID market) {
        return db.sql("SELECT number FROM e_document WHERE market_id = ? ORDER BY number").param(market)
                .query(Integer.class).list();
    }

    /** A market the demo has not set up for e-invoices (its bills' requests wait), and the province's admin. */
    private static final String MARKET = "TN-LABANG";

    /** Every due request of the market tried once, whether here or by the scheduled issuer beside this test. */
    private void issueAll(UUID market) throws InterruptedException {
        for (int i = 0; i < 100 && db.sql("SELECT count(*) FROM einvoice_request WHERE market_id = ? "
                + "AND issued_id IS NULL AND next_try_at <= ?").params(market, java.sql.Timestamp.from(clock.instant()))
                .query(Integer.class).single() > 0; i++) {
            if (issuer.issuePending(market, 500) == 0) {
                Thread.sleep(100);
            }
        }
    }

    private WebSession provinceAdmin() {
        WebSession s = new WebSession(port, null, null);
        s.postForm("/login", Map.of("username", "tinh.thainguyen", "password", DemoProvince.DEMO_PASSWORD), "/login");
        s.get("/einvoices?market=" + MARKET); // the logged-in session's form token
        return s;
    }

    @Test
    void theDocumentsOfAPaidBillAddUpToWhatWasPaidToTheDong() {
        // The demo's boards with e-invoices set up have bills paid in full, their lines' VAT rounded line by line.
        while (issuer.issuePending(500) > 0) {
            // every waiting request of the boards set up
        }
        record Pair(String source, long documents, long bill) {
        }
        List<Pair> pairs = db.sql("""
                SELECT d.source, d.total, b.total_vnd
                FROM (SELECT source, sum(total_vnd) AS total FROM e_document
                      WHERE source LIKE 'bill:%' AND corrects IS NULL GROUP BY source) d
                JOIN bill b ON 'bill:' || b.id = d.source
                WHERE b.status = 'PAID' AND b.credited_vnd = 0 AND b.waived_vnd = 0 AND NOT EXISTS
                      (SELECT 1 FROM bill c WHERE c.corrects = b.id)""")
                .query((rs, n) -> new Pair(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        assertThat(pairs).as("the demo's paid bills have documents").hasSizeGreaterThan(50);
        assertThat(pairs).filteredOn(p -> p.documents() != p.bill()).isEmpty();
    }

    @Test
    void theBoardSetsItsSeriesAndEveryRequestBecomesOneSignedNumberedDocument() throws Exception {
        UUID daitu = market(MARKET);
        WebSession board = provinceAdmin();
        Http.Response refused = board.postForm("/einvoices/settings", Map.of("market", MARKET,
                "sellerName", "Ban quản lý chợ Đại Từ", "sellerTaxCode", "0100112438", "sellerAddress", "Đại Từ",
                "series", "1C26TAA"), "/einvoices?market=" + MARKET);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("sai chữ số kiểm tra");
        assertThat(db.sql("SELECT count(*) FROM einvoice_setting WHERE market_id = ?").param(daitu)
                .query(Integer.class).single()).isZero();
        Http.Response saved = board.postForm("/einvoices/settings", Map.of("market", MARKET,
                "sellerName", "Ban quản lý chợ La Bằng", "sellerTaxCode", "0100112437", "sellerAddress",
                "Xã La Bằng, Thái Nguyên", "series", "1c26taa"), "/einvoices?market=" + MARKET);
        assertThat(saved.status()).isEqualTo(302);

        // Twenty requests (one asked twice), issued by four workers at once with the market's waiting demo bills:
        // one document per source, numbers 1..n without a gap or a duplicate.
        for (int i = 1; i <= 20; i++) {
            ask(daitu, "test-bill:" + i, 100_000L * i);
        }
        ask(daitu, "test-bill:7", 999);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> issued = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            issued.add(pool.submit(() -> issuer.issuePending(500)));
        }
        for (Future<Integer> f : issued) {
            f.get();
        }
        pool.shutdown();
        // The scheduled issuer works beside them and may still hold the last request it claimed: wait for it.
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && db.sql("""
                SELECT count(*) FROM einvoice_request WHERE source ~ '^test-bill:[0-9]+$' AND market_id = ?
                  AND issued_id IS NULL""").param(daitu).query(Long.class).single() > 0) {
            Thread.sleep(50);
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(einvoices.documentsOf("test-bill:" + i)).as("one document for request %d", i).hasSize(1);
        }
        List<Integer> all = numbers(daitu);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= all.size(); i++) {
            expected.add(i);
        }
        assertThat(all).as("no gap, no duplicate").isEqualTo(expected);
        EInvoices.Issued seventh = einvoices.documentsOf("test-bill:7").getFirst();
        assertThat(seventh.totalVnd()).as("the first request counts").isEqualTo(756_000);
        assertThat(DocumentCheck.check(einvoices.xml(seventh.id())).problems()).isEmpty();

        // A request whose document cannot be built fails after taking a number: the number is given back.
        tx.executeWithoutResult(s -> db.sql("""
                INSERT INTO einvoice_request (id, market_id, source, kind, draft, requested_at, next_try_at)
                VALUES (?, ?, 'test-bill:broken', 'INVOICE', CAST(? AS jsonb), now(), now())""")
                .params(UUID.randomUUID(), daitu, "{\"buyer\":{\"name\":\"X\"},\"lines\":[],\"issuedOn\":\"2026-11-30\"}")
                .update());
        issueAll(daitu);
        assertThat(db.sql("SELECT last_problem FROM einvoice_request WHERE source = 'test-bill:broken'")
                .query(String.class).single()).isEqualTo("einvoice.wait.failed");
        int before = numbers(daitu).getLast();
        ask(daitu, "test-bill:21", 50_000);
        issueAll(daitu);
        assertThat(einvoices.documentsOf("test-bill:21").getFirst().number()).as("the failure used no number")
                .isEqualTo(before + 1);

        // The register shows the series without a gap; the export is a spreadsheet.
        Http.Response register = board.get("/einvoices?market=" + MARKET);
        assertThat(register.body()).contains("1C26TAA", "không thiếu số nào", "Nguyễn Thị Hoa", "Chờ phát hành");
        assertThat(board.getBytes("/einvoices.xlsx?market=" + MARKET)).startsWith(0x50, 0x4B);

        // The public lookup: by code, with any spacing or case; the signature verified; XML and PDF.
        String code = seventh.lookupCode();
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> page = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/tra-cuu?ma=" + code.replace("-", "").toLowerCase())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chữ ký số hợp lệ", "756.000", "C26TAA").doesNotContain("Quầy A-1");
        HttpResponse<byte[]> xml = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/tra-cuu/" + code + ".xml")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xml.body()).isEqualTo(einvoices.xml(seventh.id()));
        HttpResponse<byte[]> pdf = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/tra-cuu/" + code + ".pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        HttpResponse<String> unknown = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/tra-cuu?ma=AAAA-BBBB-CC")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Không tìm thấy hóa đơn");
    }

    @Test
    void aMarketWithoutSettingWaitsAndUsesNoNumberAndOtherBoardsSeeNothing() {
        UUID other = market("TN-YENLAC");
        db.sql("DELETE FROM einvoice_setting WHERE market_id = ? AND NOT EXISTS (SELECT 1 FROM e_document d "
                + "WHERE d.market_id = ?)").params(other, other).update();
        ask(other, "test-bill:waiting", 10_000);
        issuer.issuePending(50);
        assertThat(db.sql("SELECT issued_id IS NULL FROM einvoice_request WHERE source = 'test-bill:waiting'")
                .query(Boolean.class).single()).as("still waiting").isTrue();
        assertThat(numbers(other)).isEmpty();
        WebSession admin = provinceAdmin();
        assertThat(admin.get("/einvoices?market=TN-YENLAC").body()).contains("Chờ phát hành", "chưa khai báo đơn vị bán");
        WebSession board = new WebSession(port, null, null);
        board.postForm("/login", Map.of("username", "bql.daitu", "password", DemoProvince.DEMO_PASSWORD), "/login");
        assertThat(board.get("/einvoices?market=TN-YENLAC").status()).isIn(403, 404);
    }
}
