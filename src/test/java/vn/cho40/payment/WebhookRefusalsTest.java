package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.payment.Verdict.Reason;

/** Bad input the parsers refuse as malformed (400, stored, not retried) instead of failing with an exception. */
class WebhookRefusalsTest {

    private static final String KEY = "payos-test-key";

    private static Verdict payOs(String data) {
        var tree = JsonMapper.builder().build().readTree(data);
        String signature = Signatures.hmacHex("HmacSHA256", KEY,
                Webhooks.payOsDataString(tree).getBytes(StandardCharsets.UTF_8));
        return Webhooks.payOs(("{\"code\":\"00\",\"data\":" + data + ",\"signature\":\"" + signature + "\"}")
                .getBytes(StandardCharsets.UTF_8), KEY);
    }

    private static final String DATA = "{\"orderCode\":123,\"amount\":3000,\"description\":\"VQRIO123\","
            + "\"accountNumber\":\"12345678\",\"reference\":\"TF1\",\"transactionDateTime\":\"2026-12-01 08:00:00\","
            + "\"currency\":\"VND\"}";

    @Test
    void aPayOsTransferInAnotherCurrencyIsNotBooked() {
        assertThat(payOs(DATA)).isInstanceOf(Verdict.Accepted.class);
        assertThat(payOs(DATA.replace(",\"currency\":\"VND\"", ""))).as("no currency: VND").isInstanceOf(
                Verdict.Accepted.class);
        assertThat(payOs(DATA.replace("\"VND\"", "\"USD\""))).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(r.detail()).contains("USD");
        });
    }

    @Test
    void jsonNestedDeeperThanSixtyFourLevelsIsMalformedNotAnException() {
        String nested = "[".repeat(70) + "]".repeat(70);
        byte[] payOs = ("{\"data\":{\"x\":" + nested + "},\"signature\":\"00\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(Webhooks.payOs(payOs, KEY)).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
        Instant now = Instant.now();
        byte[] casso = ("{\"data\":{\"x\":" + nested + "}}").getBytes(StandardCharsets.UTF_8);
        assertThat(Webhooks.cassoV2(casso, "t=" + now.toEpochMilli() + ",v1=00", "k", now))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.detail()).contains("64 levels"));
    }
}
