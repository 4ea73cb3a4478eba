package vn.cho40.trader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

/** Decree 13/2023 in practice: numbers encrypted at rest, masked on screens, every full read audited. */
@IntegrationTest
class PersonalDataIT {

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();
    // Each test registers its own person: the numbers must be unique across the shared database.
    private final int n = SERIAL.incrementAndGet();
    private final String CCCD = "01919045678" + n;
    private final String PHONE = "038945612" + n;
    private final String ACCOUNT = "190345678901" + n;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    private Http as(String user) {
        return new Http(port).as(user, DemoProvince.DEMO_PASSWORD);
    }

    private String createTrader() {
        Http board = as("bql.daitu");
        Http.Response created = board.postJson("/api/v1/traders", Map.of("marketCode", "TN-DAITU",
                "fullName", "Trần Thị Bích", "idNumber", CCCD, "birthDate", "1990-07-15", "phone", PHONE,
                "consent", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(board.postJson("/api/v1/traders/" + id + "/accounts", Map.of("bin", "970405",
                "accountNo", ACCOUNT, "holderName", "TRAN THI BICH")).status()).isEqualTo(201);
        return id;
    }

    @Test
    void aDatabaseDumpHoldsNoPlaintextNumbers() {
        createTrader();
        List<String> tables = db.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""").query(String.class).list();
        assertThat(tables).contains("trader", "receiving_account", "audit_log", "one_time_code");
        for (String table : tables) {
            // row_to_json renders every column, bytea as hex: look for the numbers as text and as hex.
            String dump = String.join("\n", db.sql("SELECT row_to_json(t)::text FROM \"" + table + "\" t")
                    .query(String.class).list());
            for (String secret : List.of(CCCD, PHONE, ACCOUNT)) {
                assertThat(dump).as(table + " contains " + secret).doesNotContain(secret)
                        .doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.US_ASCII)));
            }
        }
    }

    @Test
    void screensShowTheLastFourAndOnlyRevealAuditsTheFullNumbers() {
        String id = createTrader();
        JsonNode masked = as("thungan.daitu").get("/api/v1/traders/" + id).json();
        assertThat(masked.get("idNumber").asString()).isEqualTo("•••• " + CCCD.substring(8));
        assertThat(masked.get("phone").asString()).isEqualTo("•••• " + PHONE.substring(6));
        assertThat(as("thungan.daitu").get("/api/v1/traders/" + id + "/accounts").json().get(0)
                .get("accountNumber").asString()).isEqualTo("•••• " + ACCOUNT.substring(ACCOUNT.length() - 4));
        assertThat(as("thungan.daitu").postJson("/api/v1/traders/" + id + "/reveal", Map.of()).status())
                .as("a cashier may not unmask").isEqualTo(403);

        Http.Response revealed = as("bql.daitu").postJson("/api/v1/traders/" + id + "/reveal", Map.of());
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("idNumber").asString()).isEqualTo(CCCD);
        assertThat(revealed.json().get("phone").asString()).isEqualTo(PHONE);
        assertThat(revealed.json().get("accountNumbers").get(0).asString()).isEqualTo(ACCOUNT);

        JsonNode audit = as("kiemtra.thainguyen").get("/api/v1/audit?action=PERSONAL_DATA_READ").json();
        assertThat(audit.valueStream().filter(e -> e.get("subjectId").asString().equals(id)).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor").asString()).isEqualTo("bql.daitu");
                    assertThat(e.get("actorRole").asString()).isEqualTo("MARKET_MANAGER");
                    assertThat(e.get("remoteAddr").asString()).isEqualTo("127.0.0.1");
                });
        assertThat(as("thungan.daitu").get("/api/v1/audit").status()).as("only auditors read the log").isEqualTo(403);
        assertThat(as("kiemtra.thainguyen").get("/api/v1/audit?action=TRADER_CREATE").body()).contains(id);
    }

    @Test
    void theTradersPageMasksAndItsRevealButtonIsAudited() {
        String id = createTrader();
        vn.cho40.WebSession board = new vn.cho40.WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        String page = board.get("/admin/traders/" + id).body();
        assertThat(page).contains("•••• " + CCCD.substring(8), "•••• " + PHONE.substring(6)).doesNotContain(CCCD, PHONE, ACCOUNT);
        String shown = board.postForm("/admin/traders/" + id + "/reveal", Map.of(), "/admin/traders/" + id).body();
        assertThat(shown).contains(CCCD, PHONE, ACCOUNT);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'PERSONAL_DATA_READ' AND subject_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }
}
