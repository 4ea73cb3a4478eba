package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cho40.payment.WebhookVectors.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.payment.InboundPayment.Direction;
import vn.cho40.payment.Verdict.Reason;

class WebhooksTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static InboundPayment single(Verdict v) {
        assertThat(v).as(String.valueOf(v)).isInstanceOf(Verdict.Accepted.class);
        assertThat(((Verdict.Accepted) v).payments()).hasSize(1);
        return ((Verdict.Accepted) v).payments().getFirst();
    }

    private static Reason rejected(Verdict v) {
        assertThat(v).as(String.valueOf(v)).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) v).reason();
    }

    @Test
    void payOsSignsTheSortedDataStringAndIsNormalized() {
        var data = JsonMapper.builder().build().readTree(PAYOS_BODY).get("data");
        assertThat(Webhooks.payOsDataString(data)).isEqualTo(PAYOS_DATA_STRING);
        InboundPayment p = single(Webhooks.payOs(bytes(PAYOS_BODY), PAYOS_KEY));
        assertThat(p.amountVnd()).isEqualTo(3000);
        assertThat(p.bankReference()).isEqualTo("TF230204212323");
        assertThat(p.receivingAccount()).isEqualTo("12345678");
        assertThat(p.ourReference()).isEqualTo("123");
        assertThat(p.direction()).isEqualTo(Direction.CREDIT);
        // 18:25 in Vietnam is 11:25 UTC.
        assertThat(p.bookedAt()).isEqualTo(Instant.parse("2023-02-04T11:25:00Z"));
    }

    @Test
    void payOsRefusesAChangedAmountOrAnotherKey() {
        assertThat(rejected(Webhooks.payOs(bytes(PAYOS_BODY.replace("\"amount\": 3000", "\"amount\": 300000")),
                PAYOS_KEY))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejected(Webhooks.payOs(bytes(PAYOS_BODY), "another-key"))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejected(Webhooks.payOs(bytes("{\"data\":{}}"), PAYOS_KEY))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(rejected(Webhooks.payOs(bytes("not json"), PAYOS_KEY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void sePayHmacCoversTimestampAndRawBody() {
        Instant now = Instant.ofEpochSecond(Long.parseLong(SEPAY_TIMESTAMP)).plusSeconds(30);
        InboundPayment p = single(Webhooks.sePayHmac(bytes(SEPAY_BODY), SEPAY_SIGNATURE, SEPAY_TIMESTAMP,
                SEPAY_SECRET, now));
        assertThat(p.providerTxnId()).isEqualTo("92704");
        assertThat(p.bankReference()).isEqualTo("MBVCB.3278907687");
        assertThat(p.amountVnd()).isEqualTo(125_000);
        assertThat(p.runningBalanceVnd()).isEqualTo(19_077_000L);
        assertThat(p.transferText()).isEqualTo("CHO DAI TU A12 rau");

        assertThat(rejected(Webhooks.sePayHmac(bytes(SEPAY_BODY + " "), SEPAY_SIGNATURE, SEPAY_TIMESTAMP,
                SEPAY_SECRET, now))).as("one byte more").isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejected(Webhooks.sePayHmac(bytes(SEPAY_BODY), SEPAY_SIGNATURE, SEPAY_TIMESTAMP, SEPAY_SECRET,
                now.plusSeconds(600)))).as("replayed later").isEqualTo(Reason.STALE);
        assertThat(rejected(Webhooks.sePayHmac(bytes(SEPAY_BODY), null, SEPAY_TIMESTAMP, SEPAY_SECRET, now)))
                .isEqualTo(Reason.MISSING_SIGNATURE);
    }

    @Test
    void sePayApiKeyAndMoneyOut() {
        String out = SEPAY_BODY.replace("\"transferType\":\"in\"", "\"transferType\":\"out\"");
        InboundPayment p = single(Webhooks.sePayApiKey(bytes(out), "Apikey k-123", "k-123"));
        assertThat(p.direction()).isEqualTo(Direction.DEBIT);
        assertThat(rejected(Webhooks.sePayApiKey(bytes(out), "Apikey k-124", "k-123"))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejected(Webhooks.sePayApiKey(bytes(out), "Bearer k-123", "k-123")))
                .isEqualTo(Reason.MISSING_SIGNATURE);
    }

    @Test
    void cassoV2SignsTheCanonicalWholeBodyWithVietnameseKept() {
        var body = JsonMapper.builder().build().readTree(CASSO_BODY);
        assertThat(CanonicalJson.of(body)).isEqualTo(CASSO_CANONICAL);
        Instant now = Instant.ofEpochMilli(Long.parseLong(CASSO_T)).plusSeconds(5);
        InboundPayment p = single(Webhooks.cassoV2(bytes(CASSO_BODY), CASSO_SIGNATURE, CASSO_KEY, now));
        assertThat(p.amountVnd()).isEqualTo(45_000);
        assertThat(p.transferText()).isEqualTo("Nguyễn Thị Hoa chuyển tiền rau/củ");
        assertThat(p.payerBankId()).isEqualTo("971005");
        assertThat(rejected(Webhooks.cassoV2(bytes(CASSO_BODY.replace("45000", "450000")), CASSO_SIGNATURE,
                CASSO_KEY, now))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejected(Webhooks.cassoV2(bytes(CASSO_BODY), CASSO_SIGNATURE, CASSO_KEY, now.plusSeconds(400))))
                .isEqualTo(Reason.STALE);
        assertThat(rejected(Webhooks.cassoV2(bytes(CASSO_BODY), "v1=abc", CASSO_KEY, now))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void cassoLegacyPostsAnArrayAndNegativeAmountsAreMoneyOut() {
        String body = """
                {"error":0,"data":[
                 {"id":1,"tid":"FT1","description":"MUA RAU","amount":25000,"cusum_balance":100000,
                  "when":"2026-11-24 06:30:00","bank_sub_acc_id":"2200123456789"},
                 {"id":2,"tid":"FT2","description":"PHI","amount":-5000,"cusum_balance":95000,
                  "when":"2026-11-24 06:31:00","bank_sub_acc_id":"2200123456789"}]}""";
        Verdict v = Webhooks.cassoLegacy(bytes(body), "tok", "tok");
        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.payments()).extracting(InboundPayment::direction)
                    .containsExactly(Direction.CREDIT, Direction.DEBIT);
            assertThat(a.payments()).extracting(InboundPayment::amountVnd).containsExactly(25_000L, 5_000L);
        });
        assertThat(rejected(Webhooks.cassoLegacy(bytes(body), "nope", "tok"))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(rejected(Webhooks.cassoLegacy(bytes(body), null, "tok"))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(rejected(Webhooks.cassoLegacy(bytes(body.replace("25000", "25000.5")), "tok", "tok")))
                .as("fractions of a đồng are not money").isEqualTo(Reason.MALFORMED);
    }
}
