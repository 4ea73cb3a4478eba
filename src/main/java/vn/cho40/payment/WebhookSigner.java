package vn.cho40.payment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cho40.shared.VnFormats;

/**
 * Builds correctly signed webhook requests in each provider's real format (PROVIDERS.md §2), for the simulator,
 * the demo's background traffic and the load generator. The verifying side ({@link Webhooks}) is tested
 * against independently derived vectors, so the two cannot agree on a mistake unnoticed.
 */
public final class WebhookSigner {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WebhookSigner() {
    }

    /** A request to send: the path under the server, its headers and its raw body. */
    public record Signed(String path, Map<String, String> headers, byte[] body) {
    }

    /** One credit (or debit) to announce. */
    public record Transfer(long id, String reference, String account, long amountVnd, boolean credit, Instant at,
                           String text) {
    }

    private static String local(Instant at) {
        return LocalDateTime.ofInstant(at, VnFormats.VIETNAM).format(LOCAL);
    }

    public static Signed sePayApiKey(Transfer t, String apiKey) {
        return new Signed("/webhooks/sepay", Map.of("Authorization", "Apikey " + apiKey), sePayBody(t));
    }

    public static Signed sePayHmac(Transfer t, String secret, Instant now) {
        byte[] body = sePayBody(t);
        String ts = Long.toString(now.getEpochSecond());
        return new Signed("/webhooks/sepay", Map.of("X-SePay-Timestamp", ts, "X-SePay-Signature",
                "sha256=" + Signatures.hmacHex("HmacSHA256", secret, Signatures.dotJoined(ts, body))), body);
    }

    private static byte[] sePayBody(Transfer t) {
        ObjectNode b = JSON.createObjectNode();
        b.put("id", t.id());
        // The simulator knows an account's number, not its bank: a gateway we cannot name is sent empty, so the
        // platform places the payment by number alone (naming a wrong bank would make it someone else's account).
        b.put("gateway", "");
        b.put("transactionDate", local(t.at()));
        b.put("accountNumber", t.account());
        b.putNull("code");
        b.put("content", t.text());
        b.put("transferType", t.credit() ? "in" : "out");
        b.put("transferAmount", t.amountVnd());
        b.put("accumulated", 0);
        b.putNull("subAccount");
        b.put("referenceCode", t.reference());
        b.put("description", t.text());
        return JSON.writeValueAsBytes(b);
    }

    public static Signed payOs(Transfer t, String checksumKey) {
        ObjectNode data = JSON.createObjectNode();
        data.put("orderCode", t.id());
        data.put("amount", t.amountVnd());
        data.put("description", t.text());
        data.put("accountNumber", t.account());
        data.put("reference", t.reference());
        data.put("transactionDateTime", local(t.at()));
        data.put("currency", "VND");
        data.put("paymentLinkId", Long.toHexString(t.id()));
        data.put("code", "00");
        data.put("desc", "Thành công");
        data.put("counterAccountBankId", "");
        data.put("counterAccountBankName", "");
        data.putNull("counterAccountName");
        data.putNull("counterAccountNumber");
        data.put("virtualAccountName", "");
        data.put("virtualAccountNumber", "");
        ObjectNode root = JSON.createObjectNode();
        root.put("code", "00");
        root.put("desc", "success");
        root.put("success", true);
        root.set("data", data);
        root.put("signature", Signatures.hmacHex("HmacSHA256", checksumKey,
                Webhooks.payOsDataString(data).getBytes(StandardCharsets.UTF_8)));
        return new Signed("/webhooks/payos", Map.of(), JSON.writeValueAsBytes(root));
    }

    public static Signed cassoV2(Transfer t, String checksumKey, Instant now) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", Long.toString(t.id()));
        data.put("reference", t.reference());
        data.put("description", t.text());
        data.put("amount", t.credit() ? t.amountVnd() : -t.amountVnd());
        data.put("runningBalance", 0);
        data.put("transactionDateTime", local(t.at()));
        data.put("accountNumber", t.account());
        data.put("bankName", "");
        data.put("virtualAccountNumber", "");
        ObjectNode root = JSON.createObjectNode();
        root.put("error", 0);
        root.set("data", data);
        String ts = Long.toString(now.toEpochMilli());
        String v1 = Signatures.hmacHex("HmacSHA512", checksumKey,
                (ts + "." + CanonicalJson.of(root)).getBytes(StandardCharsets.UTF_8));
        return new Signed("/webhooks/casso", Map.of("X-Casso-Signature", "t=" + ts + ",v1=" + v1),
                JSON.writeValueAsBytes(root));
    }

    public static Signed direct(Transfer t, String partner, String secret, Instant now) {
        ObjectNode b = JSON.createObjectNode();
        b.put("id", Long.toString(t.id()));
        b.put("bankReference", t.reference());
        b.put("account", t.account());
        b.put("direction", t.credit() ? "in" : "out");
        b.put("amount", t.amountVnd());
        b.put("bookedAt", t.at().atZone(VnFormats.VIETNAM).toOffsetDateTime().toString());
        b.put("text", t.text());
        byte[] body = JSON.writeValueAsBytes(b);
        return new Signed("/webhooks/direct", Map.of("X-Cho40-Partner", partner, "X-Cho40-Timestamp",
                Long.toString(now.getEpochSecond()), "X-Cho40-Signature",
                DirectWebhook.sign(body, now.getEpochSecond(), secret)), body);
    }
}
