package vn.cho40;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole platform on a real PostgreSQL: the embedded one in a fresh folder under
 * target/, or the server named by CHO40_TEST_DATABASE_URL (CI runs both). The schema is wiped and
 * migrated once per run, then the demo province is loaded. Every test class uses the same settings, so
 * Spring starts one context for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = Cho40Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "cho40.database-url=${CHO40_TEST_DATABASE_URL:}",
                "cho40.data-dir=target/it-db/${random.uuid}",
                "cho40.demo.enabled=true",
                // Tests send their own payments; the demo's background customers would only add noise.
                "cho40.demo.traffic-per-minute=0",
                // Only Đại Từ keeps a demo provider account of its own (its key comes from the secrets file below):
                // tests of the other markets expect none.
                "cho40.demo.traffic-markets=TN-DAITU",
                "cho40.feed.heartbeat-seconds=1",
                // Tests read the running month's figures right after the payments they send.
                "cho40.rollout.live-cache-seconds=0",
                // Every test path writes its facts to the outbox as a cell publishing to Kafka would; no broker is
                // configured here, so nothing relays them but NationalServiceIT, which points a relay at its own.
                "cho40.outbox.enabled=true",
                "cho40.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
                "spring.flyway.clean-disabled=false",
                // Test-only keys (a real deployment takes them from its environment, never from the repository).
                "cho40.privacy.data-keys=test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "cho40.privacy.index-key=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
                "cho40.payos.checksum-key=1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675",
                // Platform SePay by API key; TN-DU's own account has both schemes (market-secrets-test.properties).
                "cho40.sepay.api-key=k-123",
                "cho40.casso.secure-token=tok",
                "cho40.casso.checksum-key=casso-checksum",
                "cho40.direct.partners=wallet-test:direct-secret",
                // The platform's provider credentials serve Thái Nguyên: its unplaced exceptions go to its admins.
                "cho40.providers.province=19",
                "cho40.market-secrets-file=src/test/resources/market-secrets-test.properties"})
@Import(CleanDatabase.class)
public @interface IntegrationTest {

    String ADMIN_PASSWORD = "it-admin-password";
}
