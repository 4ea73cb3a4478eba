package vn.cho40.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.cho40.payment.InboundPayment.Direction;
import vn.cho40.payment.InboundPayment.Provider;
import vn.cho40.payment.Verdict.Reason;

/**
 * Our own signed format for wallets and banks that integrate directly (documented in OpenAPI and
 * docs/operations.md). Headers: {@code X-Cho40-Partner} (the partner id the secret belongs to),
 * {@code X-Cho40-Timestamp} (unix seconds, at most 5 minutes from now) and {@code X-Cho40-Signature}
 * ({@code v1=} + lowercase hex HMAC-SHA256 of {@code timestamp + "." + raw body}). The body is one transfer:
 * {@code id}, {@code bankReference}, {@code account}, {@code direction} ("in"/"out"), {@code amount} (whole
 * đồng), {@code bookedAt} (ISO-8601 with offset) and optionally {@code virtualAccount}, {@code text},
 * {@code reference}, {@code payerName}, {@code payerAccount}, {@code payerBank}. Pure.
 */
public final class DirectWebhook {

    private DirectWebhook() {
    }

    public static Verdict verify(byte[] body, String partner, String timestamp, String signature, String secret,
                                 Instant now) {
        if (partner == null || timestamp == null || signature == null) {
            return new Verdict.Rejected(Reason.MISSING_SIGNATURE,
                    "needs X-Cho40-Partner, X-Cho40-Timestamp and X-Cho40-Signature");
        }
        if (!timestamp.strip().matches("[0-9]{1,12}")) {
            return new Verdict.Rejected(Reason.MALFORMED, "X-Cho40-Timestamp must be unix seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp.strip())), now).abs()
                .compareTo(Webhooks.MAX_AGE) > 0) {
            return new Verdict.Rejected(Reason.STALE, "X-Cho40-Timestamp is more than 5 minutes from now");
        }
        String given = signature.strip();
        given = given.startsWith("v1=") ? given.substring(3) : given;
        String expected = Signatures.hmacHex("HmacSHA256", secret,
                Signatures.dotJoined(timestamp.strip(), body));
        if (!Signatures.sameText(expected, given)) {
            return new Verdict.Rejected(Reason.BAD_SIGNATURE, "X-Cho40-Signature does not match");
        }
        JsonNode b = Webhooks.parse(body);
        if (b == null || !b.isObject()) {
            return new Verdict.Rejected(Reason.MALFORMED, "the body must be one JSON object");
        }
        Long amount = Webhooks.integer(b, "amount");
        String id = Webhooks.text(b, "id");
        String direction = Webhooks.text(b, "direction");
        String account = Webhooks.text(b, "account");
        if (amount == null || amount <= 0) {
            return new Verdict.Rejected(Reason.MALFORMED, "amount must be a positive whole number of đồng");
        }
        if (id == null || id.isBlank() || account == null || account.isBlank()) {
            return new Verdict.Rejected(Reason.MALFORMED, "id and account are required");
        }
        if (!"in".equals(direction) && !"out".equals(direction)) {
            return new Verdict.Rejected(Reason.MALFORMED, "direction must be \"in\" or \"out\"");
        }
        Instant bookedAt;
        try {
            bookedAt = OffsetDateTime.parse(String.valueOf(Webhooks.text(b, "bookedAt"))).toInstant();
        } catch (DateTimeParseException e) {
            return new Verdict.Rejected(Reason.MALFORMED, "bookedAt must be ISO-8601 with an offset, e.g. "
                    + "2026-12-01T08:15:00+07:00");
        }
        String reference = Webhooks.text(b, "bankReference");
        String bin = Webhooks.text(b, "bin");
        if (bin != null && !bin.matches("[0-9]{6}")) {
            return new Verdict.Rejected(Reason.MALFORMED, "bin (the receiving bank) must be 6 digits when given");
        }
        return new Verdict.Accepted(List.of(new InboundPayment(Provider.DIRECT, partner + ":" + id,
                reference == null || reference.isBlank() ? partner + ":" + id : reference, amount,
                "in".equals(direction) ? Direction.CREDIT : Direction.DEBIT, bookedAt, account,
                Webhooks.text(b, "virtualAccount"), Webhooks.text(b, "text"), Webhooks.text(b, "payerName"),
                Webhooks.text(b, "payerAccount"), Webhooks.text(b, "payerBank"), Webhooks.text(b, "reference"),
                null, bin)));
    }

    /** The signature header value for a body, for partners' reference and for our simulator. */
    public static String sign(byte[] body, long timestampSeconds, String secret) {
        return "v1=" + Signatures.hmacHex("HmacSHA256", secret,
                Signatures.dotJoined(Long.toString(timestampSeconds), body));
    }
}
