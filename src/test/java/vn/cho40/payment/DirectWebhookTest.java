package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DirectWebhookTest {

    // Signed independently: python3 hmac.new(b"direct-secret", b"1795000000." + body, sha256).hexdigest()
    static final String BODY = "{\"id\":\"vm-778\",\"bankReference\":\"VTM2611240001\",\"account\":\"0961000000\","
            + "\"direction\":\"in\",\"amount\":200000,\"bookedAt\":\"2026-11-24T08:15:00+07:00\",\"text\":\"Tra tien thit\"}";
    static final String SIGNATURE = "v1=917842caa56d799e7273195b62955fddc73db3830b426882de545fca4a29bdb1";
    static final Instant NOW = Instant.ofEpochSecond(1795000000L + 30);

    private Verdict verify(String body, String timestamp, String signature) {
        return DirectWebhook.verify(body.getBytes(StandardCharsets.UTF_8), "wallet-test", timestamp, signature,
                "direct-secret", NOW);
    }

    @Test
    void theIndependentlySignedVectorIsAcceptedAndNormalized() {
        Verdict v = verify(BODY, "1795000000", SIGNATURE);
        assertThat(v).isInstanceOf(Verdict.Accepted.class);
        InboundPayment p = ((Verdict.Accepted) v).payments().getFirst();
        assertThat(p.providerTxnId()).isEqualTo("wallet-test:vm-778");
        assertThat(p.amountVnd()).isEqualTo(200_000);
        assertThat(p.direction()).isEqualTo(InboundPayment.Direction.CREDIT);
        assertThat(p.bookedAt()).isEqualTo(Instant.parse("2026-11-24T01:15:00Z"));
        assertThat(p.receivingAccount()).isEqualTo("0961000000");
        assertThat(DirectWebhook.sign(BODY.getBytes(StandardCharsets.UTF_8), 1795000000L, "direct-secret"))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void forgedStaleAndMalformedRequestsAreRejectedWithTheirReason() {
        assertThat(verify(BODY.replace("200000", "2000000"), "1795000000", SIGNATURE))
                .isEqualTo(new Verdict.Rejected(Verdict.Reason.BAD_SIGNATURE, "X-Cho40-Signature does not match"));
        assertThat(verify(BODY, "1794999000", SIGNATURE)).extracting(r -> ((Verdict.Rejected) r).reason())
                .isEqualTo(Verdict.Reason.STALE);
        assertThat(verify(BODY, null, SIGNATURE)).extracting(r -> ((Verdict.Rejected) r).reason())
                .isEqualTo(Verdict.Reason.MISSING_SIGNATURE);
        String fractional = BODY.replace("200000", "200000.5");
        long t = 1795000000L;
        assertThat(verify(fractional, Long.toString(t),
                DirectWebhook.sign(fractional.getBytes(StandardCharsets.UTF_8), t, "direct-secret")))
                .extracting(r -> ((Verdict.Rejected) r).reason()).isEqualTo(Verdict.Reason.MALFORMED);
        String noOffset = BODY.replace("+07:00", "");
        assertThat(verify(noOffset, Long.toString(t),
                DirectWebhook.sign(noOffset.getBytes(StandardCharsets.UTF_8), t, "direct-secret")))
                .extracting(r -> ((Verdict.Rejected) r).detail().toString()).asString().contains("ISO-8601");
    }
}
