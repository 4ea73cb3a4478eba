package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.cell.CellCheck;
import vn.cho40.cell.CellDatabases;
import vn.cho40.cell.CellMap;
import vn.cho40.market.Markets;
import vn.cho40.platform.DatabaseUrl;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.trader.StallAccounts;

/**
 * Province cells on one PostgreSQL server: the shared test database is cell A (Thái Nguyên 19, Điện Biên 11), a
 * second database made here is cell B (Hà Nội 01) with one market whose collection account receives payments. The
 * shared context stays a single database: this test builds the routing webhook path around it by hand.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CellRoutingIT {

    private static final String B_ACCOUNT = "1900777001";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FieldCipher cipher;
    @Autowired
    TestClock clock;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    ProviderSecrets secrets;
    @Autowired
    Markets markets;
    @Autowired
    MeterRegistry meters;
    @Autowired
    WebhookSources sources;
    @Autowired
    StallAccounts stallAccounts;
    @Value("${cho40.database-url:}")
    String testDatabaseUrl;

    private final String cellB = "cho40_cell_b_" + UUID.randomUUID().toString().substring(0, 8);
    private String cellBUrl;
    private JdbcTemplate b;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    void cellBHoldsAHanoiMarket() throws SQLException {
        jdbc.execute("CREATE DATABASE " + cellB);
        cellBUrl = sibling(cellB);
        CellDatabases pools = new CellDatabases(CellMap.parse("19", Map.of("01", cellBUrl)));
        opened.add(pools);
        DataSource bSource = pools.others().getFirst().dataSource();
        // As the application migrates its own database (spring.flyway.locations).
        Flyway.configure().dataSource(bSource).locations("classpath:db/migration").load().migrate();
        b = new JdbcTemplate(bSource);
        copyAdminUnits("01");
        copyAdminUnits("19");
        insertMarket(b, "HN-CELLB", "01", cipher.index("account_number", B_ACCOUNT));
    }

    @AfterAll
    void dropCellB() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        jdbc.execute("DROP DATABASE IF EXISTS " + cellB + " WITH (FORCE)");
    }

    @Test
    void aPaymentLandsInTheCellOfItsAccountOnceAndAnOwnOneStaysHere() {
        WebhookEndpoint endpoint = endpoint(Map.of("01", cellBUrl));
        String ref = "CELL-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(sePay(endpoint, B_ACCOUNT, ref, 41_000).status()).isEqualTo(200);
        assertThat(sePay(endpoint, B_ACCOUNT, ref, 41_000).status()).as("the provider's retry").isEqualTo(200);
        assertThat(count(b, ref)).as("in cell B, once").isOne();
        assertThat(count(jdbc, ref)).as("not in cell A").isZero();
        assertThat(b.queryForObject("SELECT province_code FROM payment_event WHERE bank_reference = ?", String.class,
                ref)).as("waits in Hà Nội's queue if unplaced").isEqualTo("01");
        assertThat(b.queryForObject("""
                SELECT count(*) FROM inbound_request r JOIN payment_event e ON e.request_id = r.id
                WHERE e.bank_reference = ?""", Long.class, ref)).as("its request went with it").isOne();

        String own = ownAccount();
        assertThat(sePay(endpoint, own, ref + "-A", 42_000).status()).isEqualTo(200);
        assertThat(count(jdbc, ref + "-A")).isOne();
        assertThat(count(b, ref + "-A")).isZero();
    }

    @Test
    void aCellThatIsDownGets503AndTheOwnProvincesGoOn() {
        WebhookEndpoint endpoint = endpoint(Map.of("01", "postgres://cho40@127.0.0.1:1/down"));
        String ref = "DOWN-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        WebhookEndpoint.Answer refused = sePay(endpoint, B_ACCOUNT, ref, 43_000);
        assertThat(refused.status()).as("its province's payment cannot be placed: the provider retries").isEqualTo(503);
        assertThat((System.nanoTime() - started) / 1_000_000).as("answered fast, ms").isLessThan(8_000);
        assertThat(count(jdbc, ref)).as("nothing stored in the wrong cell").isZero();
        assertThat(sePay(endpoint, ownAccount(), ref + "-A", 44_000).status()).isEqualTo(200);
        assertThat(count(jdbc, ref + "-A")).isOne();
    }

    @Test
    void cellCheckFindsARowOfAProvinceTheCellDoesNotHold() {
        CellCheck check = new CellCheck(b, CellMap.parse("01", Map.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(check.run(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK");

        insertMarket(b, "TN-PLANTED", "19", null);
        out.reset();
        assertThat(check.run(new PrintStream(out, true, StandardCharsets.UTF_8))).isOne();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("market.province_code: 1").contains("19");
        b.update("DELETE FROM market WHERE code = 'TN-PLANTED'");
    }

    /**
     * A market with provider credentials of its own is named in the webhook's URL; the balancer gives the request to
     * any server, here one of a cell that does not hold the market: the payment still lands in the market's cell.
     */
    @Test
    void aWebhookNamingAMarketOfAnotherCellLandsInThatCell() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("market-secrets", ".properties");
        java.nio.file.Files.writeString(file, "HN-CELLB.sepay-api-key=cellb-own-key\n");
        ProviderSecrets own = new ProviderSecrets("", "k-123", "", "", "", "", file.toString(), "", false,
                "target", List.of());
        WebhookEndpoint endpoint = endpoint(Map.of("01", cellBUrl), own);
        String ref = "CELLM-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\":" + Math.abs(ref.hashCode()) + ",\"gateway\":\"\","
                + "\"transactionDate\":\"2026-11-23 07:30:00\",\"accountNumber\":\"" + B_ACCOUNT + "\",\"code\":null,"
                + "\"content\":\"phi cho\",\"transferType\":\"in\",\"transferAmount\":45000,\"accumulated\":0,"
                + "\"subAccount\":null,\"referenceCode\":\"" + ref + "\",\"description\":\"\"}";
        WebhookEndpoint.Answer answer = endpoint.handle("sepay", "HN-CELLB", body.getBytes(StandardCharsets.UTF_8),
                name -> name.equalsIgnoreCase("Authorization") ? "Apikey cellb-own-key" : null, "127.0.0.1");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(count(b, ref)).as("in the market's cell").isOne();
        assertThat(count(jdbc, ref)).isZero();
        assertThat(b.queryForObject("SELECT m.code FROM payment_event e JOIN market m ON m.id = e.market_id "
                + "WHERE e.bank_reference = ?", String.class, ref)).as("that market's payment").isEqualTo("HN-CELLB");
        WebhookEndpoint.Answer wrongKey = endpoint.handle("sepay", "HN-CELLB", body.getBytes(StandardCharsets.UTF_8),
                name -> name.equalsIgnoreCase("Authorization") ? "Apikey k-123" : null, "127.0.0.1");
        assertThat(wrongKey.status()).as("the platform's key is not the market's").isEqualTo(401);
    }

    private WebhookEndpoint endpoint(Map<String, String> cells) {
        return endpoint(cells, secrets);
    }

    private WebhookEndpoint endpoint(Map<String, String> cells, ProviderSecrets providerSecrets) {
        CellMap map = CellMap.parse("19,11", cells);
        CellDatabases pools = new CellDatabases(map);
        opened.add(pools);
        AccountCells accountCells = new AccountCells(map, pools, jdbc, clock);
        PaymentIngest ingest = new PaymentIngest(jdbc, tx, cipher, clock, matcher, accountCells, 1);
        opened.add(ingest::stop);
        return new WebhookEndpoint(ingest, accountCells, clock, providerSecrets, markets, meters, sources,
                10_000_000_000L);
    }

    private static WebhookEndpoint.Answer sePay(WebhookEndpoint endpoint, String account, String reference,
                                                long amount) {
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"\","
                + "\"transactionDate\":\"2026-11-23 07:30:00\",\"accountNumber\":\"" + account + "\",\"code\":null,"
                + "\"content\":\"tien hang\",\"transferType\":\"in\",\"transferAmount\":" + amount
                + ",\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        return endpoint.handle("sepay", null, body.getBytes(StandardCharsets.UTF_8),
                name -> name.equalsIgnoreCase("Authorization") ? "Apikey k-123" : null, "127.0.0.1");
    }

    private static long count(JdbcTemplate db, String reference) {
        return db.queryForObject("SELECT count(*) FROM payment_event WHERE bank_reference = ?", Long.class, reference);
    }

    private String ownAccount() {
        return stallAccounts.defaultAccountNumbers(markets.get("TN-DAITU").id(), 1).getFirst();
    }

    /** The province and one of its communes, copied from the shared database (markets point at them). */
    private void copyAdminUnits(String province) {
        for (Map<String, Object> u : jdbc.queryForList("""
                (SELECT * FROM admin_unit WHERE regime = '2025' AND code = ?)
                UNION ALL (SELECT * FROM admin_unit WHERE regime = '2025' AND parent_code = ? ORDER BY code LIMIT 1)""",
                province, province)) {
            b.update("""
                    INSERT INTO admin_unit (regime, code, name, level, parent_code, unit_type, search_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", u.get("regime"), u.get("code"),
                    u.get("name"), u.get("level"), u.get("parent_code"), u.get("unit_type"), u.get("search_key"));
        }
    }

    private static void insertMarket(JdbcTemplate db, String code, String province, byte[] collectionHash) {
        String commune = db.queryForObject("""
                SELECT min(code) FROM admin_unit WHERE regime = '2025' AND parent_code = ?""", String.class, province);
        db.update("""
                INSERT INTO market (id, code, name, province_code, commune_code, market_class, operator_type, status,
                    search_key, created_at, updated_at, collection_bank_bin, collection_account_no, collection_account_hash)
                VALUES (gen_random_uuid(), ?, ?, ?, ?, 3, 'BOARD', 'LIVE', ?, now(), now(), ?, ?, ?)""",
                code, "Chợ " + code, province, commune, code.toLowerCase(), collectionHash == null ? null : "970436",
                collectionHash == null ? null : B_ACCOUNT, collectionHash);
    }

    /** The URL of another database on the test's PostgreSQL server, in a form DatabaseUrl accepts. */
    private String sibling(String database) throws SQLException {
        DatabaseUrl base;
        if (testDatabaseUrl.isBlank()) {
            try (Connection c = dataSource.getConnection()) {
                base = new DatabaseUrl(c.getMetaData().getURL(), c.getMetaData().getUserName(), null);
            }
        } else {
            base = DatabaseUrl.parse(testDatabaseUrl);
        }
        Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)[^?]*(?:\\?(.*))?").matcher(base.jdbcUrl());
        assertThat(m.matches()).as(base.jdbcUrl()).isTrue();
        List<String> query = new ArrayList<>();
        if (m.group(2) != null && !m.group(2).isBlank()) {
            query.add(m.group(2));
        }
        if (base.username() != null && (m.group(2) == null || !m.group(2).contains("user="))) {
            query.add("user=" + java.net.URLEncoder.encode(base.username(), StandardCharsets.UTF_8));
        }
        if (base.password() != null) {
            query.add("password=" + java.net.URLEncoder.encode(base.password(), StandardCharsets.UTF_8));
        }
        return m.group(1) + database + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }
}
