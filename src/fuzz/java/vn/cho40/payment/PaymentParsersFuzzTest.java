package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.PaymentCode;

/**
 * Every parser of what arrives from outside (webhook bodies of each provider, our direct format, statement
 * files, transfer texts) must answer with a verdict or a refusal that says why, never with an exception. The
 * fuzzed bodies are signed correctly, so the parsers behind the signature checks are reached.
 */
class PaymentParsersFuzzTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_795_000_000L);

    @FuzzTest(maxDuration = "30s")
    void sePayAndCassoLegacyBodies(byte[] body) {
        assertThat(Webhooks.sePayApiKey(body, "Apikey k", "k")).isNotNull();
        assertThat(Webhooks.cassoLegacy(body, "t", "t")).isNotNull();
        String ts = Long.toString(NOW.getEpochSecond());
        assertThat(Webhooks.sePayHmac(body, "sha256=" + Signatures.hmacHex("HmacSHA256", "s",
                Signatures.dotJoined(ts, body)), ts, "s", NOW)).isNotNull();
    }

    @FuzzTest(maxDuration = "30s")
    void payOsAndCassoV2Bodies(byte[] body) {
        JsonNode root = Webhooks.parse(body);
        String payOsSignature = root != null && root.path("data").isObject()
                ? Signatures.hmacHex("HmacSHA256", "k", Webhooks.payOsDataString(root.get("data"))
                .getBytes(StandardCharsets.UTF_8)) : "00";
        assertThat(Webhooks.payOs(body, "k")).isNotNull();
        if (root != null && root.isObject()) {
            ((tools.jackson.databind.node.ObjectNode) root).put("signature", payOsSignature);
            assertThat(Webhooks.payOs(root.toString().getBytes(StandardCharsets.UTF_8), "k")).isNotNull();
            String t = Long.toString(NOW.toEpochMilli());
            String v1 = Signatures.hmacHex("HmacSHA512", "c",
                    (t + "." + CanonicalJson.of(Webhooks.parse(body))).getBytes(StandardCharsets.UTF_8));
            assertThat(Webhooks.cassoV2(body, "t=" + t + ",v1=" + v1, "c", NOW)).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void directBodies(byte[] body) {
        long t = NOW.getEpochSecond();
        assertThat(DirectWebhook.verify(body, "p", Long.toString(t), DirectWebhook.sign(body, t, "s"), "s", NOW))
                .isNotNull();
    }

    @FuzzTest(maxDuration = "30s")
    void statementFiles(byte[] file) {
        refusedOrRead(() -> {
            var rows = StatementTable.rows("sao-ke.csv", file);
            StatementTable.read(rows, StatementTable.detect(rows)).balanceProblem();
        });
        refusedOrRead(() -> Camt053.read(file).balanceProblem());
    }

    /** Real statements with bytes changed, inserted and removed where the fuzzer says: deep in the parsers. */
    @FuzzTest(maxDuration = "30s")
    void mutatedRealStatements(byte[] noise) throws java.io.IOException {
        for (String name : new String[] {"vcb-like.csv", "camt053.xml"}) {
            byte[] real;
            try (var in = PaymentParsersFuzzTest.class.getResourceAsStream("/statements/" + name)) {
                real = in.readAllBytes();
            }
            var edited = new java.io.ByteArrayOutputStream();
            int cut = noise.length == 0 ? -1 : Math.floorMod(noise[0] * 131, real.length);
            for (int i = 0; i < real.length; i++) {
                int k = i % Math.max(1, noise.length);
                if (i == cut || (noise.length > 1 && (noise[k] & 0x3F) == 0 && i % 97 == k)) {
                    edited.write(noise.length > 1 ? noise[(k + 1) % noise.length] : ',');
                    continue;
                }
                edited.write(real[i]);
            }
            byte[] file = edited.toByteArray();
            refusedOrRead(() -> {
                var rows = StatementTable.rows("sao-ke.csv", file);
                StatementTable.read(rows, StatementTable.detect(rows)).balanceProblem();
            });
            refusedOrRead(() -> Camt053.read(file).balanceProblem());
        }
    }

    @FuzzTest(maxDuration = "20s")
    void transferTexts(String text) {
        assertThat(PaymentCode.findIn(text)).isNotNull();
        PaymentCode.isValid(text);
    }

    private static void refusedOrRead(Runnable read) {
        try {
            read.run();
        } catch (InvalidInputException refused) {
            assertThat(refused.violations()).isNotEmpty();
        }
    }
}
