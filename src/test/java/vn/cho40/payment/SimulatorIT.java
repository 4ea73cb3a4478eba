package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;

/** The simulator's mix against a real server: every answer as it should be, nothing counted twice. */
@IntegrationTest
class SimulatorIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    TestClock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theMixIsAnsweredAsExpectedAndDuplicatesAddNothing() throws Exception {
        List<String> accounts = vn.cho40.cli.SimulateCommandAccess.accounts(
                vn.cho40.demo.DemoFolder.of(context), "TN-DAITU");
        assertThat(accounts).hasSizeGreaterThan(10);
        Properties keys = new Properties();
        keys.setProperty("sepay-api-key", "k-123");
        keys.setProperty("payos-checksum-key", "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675");
        keys.setProperty("casso-checksum-key", "casso-checksum");
        // The server's clock (the tests' clock) is the one signatures are checked against.
        Clock serverClock = Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC);
        PaymentSimulator sim = new PaymentSimulator(HttpClient.newHttpClient(),
                URI.create("http://localhost:" + port + "/"), accounts, keys, new SplittableRandom(42), serverClock);
        long before = db.sql("SELECT count(*) FROM payment_event WHERE bank_reference LIKE 'SIM%'").query(Long.class)
                .single();
        Map<PaymentSimulator.Kind, Integer> kinds = new EnumMap<>(PaymentSimulator.Kind.class);
        java.util.Set<String> credits = new java.util.HashSet<>();
        for (int i = 0; i < 400; i++) {
            PaymentSimulator.Sent s = sim.sendOne();
            assertThat(s.asExpected()).as(s.toString()).isTrue();
            kinds.merge(s.kind(), 1, Integer::sum);
            if (s.kind() == PaymentSimulator.Kind.CREDIT) {
                credits.add(s.reference());
            }
        }
        assertThat(kinds.keySet()).contains(PaymentSimulator.Kind.CREDIT, PaymentSimulator.Kind.RETRY,
                PaymentSimulator.Kind.FORGED, PaymentSimulator.Kind.UNKNOWN_ACCOUNT);
        int distinct = kinds.getOrDefault(PaymentSimulator.Kind.CREDIT, 0)
                + kinds.getOrDefault(PaymentSimulator.Kind.DEBIT, 0)
                + kinds.getOrDefault(PaymentSimulator.Kind.UNKNOWN_ACCOUNT, 0);
        assertThat(db.sql("SELECT count(*) FROM payment_event WHERE bank_reference LIKE 'SIM%'").query(Long.class)
                .single() - before).as("one event per transfer, however often it was sent").isEqualTo(distinct);
        MatchAll.now(matcher, db);
        assertThat(db.sql("""
                SELECT count(*) FROM payment_event e WHERE e.bank_reference LIKE 'SIM%' AND e.status = 'MATCHED'
                AND (SELECT count(*) FROM ledger_transaction t WHERE t.payment_event_id = e.id) <> 1""")
                .query(Long.class).single()).as("every matched payment posted exactly once").isZero();
        assertThat(db.sql("SELECT bank_reference FROM payment_event WHERE bank_reference LIKE 'SIM%' AND status = "
                + "'MATCHED' AND created_at >= "
                + "(SELECT min(created_at) FROM payment_event WHERE bank_reference = ANY (?))")
                .param(credits.toArray(String[]::new)).query(String.class).set())
                .as("exactly the credits to known accounts are matched").isEqualTo(credits);
    }
}
