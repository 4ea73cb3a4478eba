package vn.cho40.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.payment.InboundPayment.Direction;
import vn.cho40.payment.InboundPayment.Provider;
import vn.cho40.payment.Verdict.Reason;
import vn.cho40.shared.VnFormats;

/**
 * Verifies each provider's webhook and normalizes it (PROVIDERS.md §2): authenticity first, on the raw
 * bytes, before anything is trusted; then the body. Never throws on bad input: a {@link Verdict.Rejected}
 * says why. Pure: secrets and the current time are passed in.
 */
public final class Webhooks {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Webhooks() {
    }

    // ------------------------------------------------------------------ payOS

    /** payOS: HMAC-SHA256 (checksum key as UTF-8) over the sorted {@code key=value&...} string of {@code data}. */
    public static Verdict payOs(byte[] body, String checksumKey) {
        JsonNode root = parse(body);
        if (root == null || !root.path("data").isObject()) {
            return new Verdict.Rejected(Reason.MALFORMED, "payOS body must be JSON with a data object");
        }
        JsonNode signature = root.get("signature");
        if (signature == null || !signature.isString()) {
            return new Verdict.Rejected(Reason.MISSING_SIGNATURE, "payOS body has no signature");
        }
        JsonNode data = root.get("data");
        String signed;
        try {
            signed = payOsDataString(data);
        } catch (CanonicalJson.TooDeep e) {
            return tooDeep("payOS");
        }
        String expected = Signatures.hmacHex("HmacSHA256", checksumKey, signed.getBytes(StandardCharsets.UTF_8));
        if (!Signatures.sameText(expected, signature.asString())) {
            return new Verdict.Rejected(Reason.BAD_SIGNATURE, "payOS signature does not match the data");
        }
        String currency = text(data, "currency");
        if (currency != null && !"VND".equals(currency)) {
            // Amounts are booked as whole đồng: a transfer in another currency is not ours to convert.
            return new Verdict.Rejected(Reason.MALFORMED, "payOS currency must be VND, is " + currency);
        }
        try {
            Long amount = integer(data, "amount");
            if (amount == null || amount <= 0) {
                return new Verdict.Rejected(Reason.MALFORMED, "payOS amount must be a positive whole number");
            }
            return new Verdict.Accepted(List.of(new InboundPayment(Provider.PAYOS, null, text(data, "reference"),
                    amount, Direction.CREDIT, localTime(text(data, "transactionDateTime")), text(data, "accountNumber"),
                    text(data, "virtualAccountNumber"), text(data, "description"), text(data, "counterAccountName"),
                    text(data, "counterAccountNumber"), text(data, "counterAccountBankId"),
                    data.has("orderCode") ? data.get("orderCode").toString() : null, null)));
        } catch (DateTimeParseException e) {
            return new Verdict.Rejected(Reason.MALFORMED, "payOS transactionDateTime is not yyyy-MM-dd HH:mm:ss");
        }
    }

    /** The string payOS signs: data's keys sorted, {@code key=value} joined by {@code &}, null as empty. */
    static String payOsDataString(JsonNode data) {
        List<String> keys = new ArrayList<>(data.propertyNames());
        keys.sort(null);
        StringBuilder out = new StringBuilder();
        for (String key : keys) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            JsonNode v = data.get(key);
            out.append(key).append('=');
            if (v == null || v.isNull()) {
                continue;
            }
            out.append(v.isString() ? v.asString() : v.isContainer() ? CanonicalJson.of(v) : v.toString());
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ SePay

    /** SePay with an API key: {@code Authorization: Apikey <key>}. */
    public static Verdict sePayApiKey(byte[] body, String authorization, String apiKey) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Apikey ", 0, 7)) {
            return new Verdict.Rejected(Reason.MISSING_SIGNATURE, "SePay needs Authorization: Apikey <key>");
        }
        if (!Signatures.sameSecret(apiKey, authorization.substring(7).strip())) {
            return new Verdict.Rejected(Reason.BAD_SIGNATURE, "SePay API key does not match");
        }
        return sePayBody(body);
    }

    /**
     * SePay with HMAC: {@code X-SePay-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))},
     * {@code X-SePay-Timestamp} in unix seconds, at most 5 minutes from now.
     */
    public static Verdict sePayHmac(byte[] body, String signatureHeader, String timestampHeader, String secret,
                                    Instant now) {
        if (signatureHeader == null || timestampHeader == null) {
            return new Verdict.Rejected(Reason.MISSING_SIGNATURE, "SePay needs X-SePay-Signature and X-SePay-Timestamp");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return new Verdict.Rejected(Reason.MALFORMED, "X-SePay-Timestamp is not unix seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(MAX_AGE) > 0) {
            return new Verdict.Rejected(Reason.STALE, "X-SePay-Timestamp is more than 5 minutes from now");
        }
        byte[] prefix = (timestampHeader.strip() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        String given = signatureHeader.strip();
        given = given.startsWith("sha256=") ? given.substring(7) : given;
        if (!Signatures.sameText(Signatures.hmacHex("HmacSHA256", secret, signed), given)) {
            return new Verdict.Rejected(Reason.BAD_SIGNATURE, "SePay signature does not match");
        }
        return sePayBody(body);
    }

    private static Verdict sePayBody(byte[] body) {
        JsonNode b = parse(body);
        if (b == null || !b.isObject()) {
            return new Verdict.Rejected(Reason.MALFORMED, "SePay body must be a JSON object");
        }
        Long amount = integer(b, "transferAmount");
        String type = text(b, "transferType");
        if (amount == null || amount <= 0 || !("in".equals(type) || "out".equals(type))) {
            return new Verdict.Rejected(Reason.MALFORMED, "SePay needs transferAmount > 0 and transferType in/out");
        }
        try {
            return new Verdict.Accepted(List.of(new InboundPayment(Provider.SEPAY, b.path("id").toString(),
                    text(b, "referenceCode"), amount, "in".equals(type) ? Direction.CREDIT : Direction.DEBIT,
                    localTime(text(b, "transactionDate")), text(b, "accountNumber"), text(b, "subAccount"),
                    text(b, "content"), null, null, null, text(b, "code"), integer(b, "accumulated"),
                    binOf(text(b, "gateway")))));
        } catch (DateTimeParseException e) {
            return new Verdict.Rejected(Reason.MALFORMED, "SePay transactionDate is not yyyy-MM-dd HH:mm:ss");
        }
    }

    // ------------------------------------------------------------------ Casso

    /** Casso legacy: header {@code secure-token}; the body's data is an array, negative amounts are money out. */
    public static Verdict cassoLegacy(byte[] body, String secureToken, String expectedToken) {
        if (secureToken == null) {
            return new Verdict.Rejected(Reason.MISSING_SIGNATURE, "Casso needs the secure-token header");
        }
        if (!Signatures.sameSecret(expectedToken, secureToken)) {
            return new Verdict.Rejected(Reason.BAD_SIGNATURE, "Casso secure-token does not match");
        }
        JsonNode b = parse(body);
        if (b == null || !b.path("data").isArray()) {
            return new Verdict.Rejected(Reason.MALFORMED, "Casso body must have a data array");
        }
        List<InboundPayment> out = new ArrayList<>();
        try {
            for (JsonNode d : b.get("data")) {
                Long amount = integer(d, "amount");
                if (amount == null || amount == 0) {
                    return new Verdict.Rejected(Reason.MALFORMED, "Casso item without a whole, non-zero amount");
                }
                String account = text(d, "bank_sub_acc_id") != null ? text(d, "bank_sub_acc_id") : text(d, "subAccId");
                out.add(new InboundPayment(Provider.CASSO, d.path("id").toString(), text(d, "tid"), Math.abs(amount),
                        amount > 0 ? Direction.CREDIT : Direction.DEBIT, localTime(text(d, "when")), account,
                        text(d, "virtualAccount"), text(d, "description"), text(d, "corresponsiveName"),
                        text(d, "corresponsiveAccount"), text(d, "corresponsiveBankId"), null,
                        integer(d, "cusum_balance")));
            }
        } catch (DateTimeParseException e) {
            return new Verdict.Rejected(Reason.MALFORMED, "Casso 'when' is not yyyy-MM-dd HH:mm:ss");
        }
        return new Verdict.Accepted(List.copyOf(out));
    }

    /**
     * Casso v2: {@code X-Casso-Signature: t=<unix ms>,v1=<hex>}, v1 = HMAC-SHA512(key, t + "." + canonical JSON
     * of the whole body), t at most 5 minutes from now.
     */
    public static Verdict cassoV2(byte[] body, String signatureHeader, String checksumKey, Instant now) {
        if (signatureHeader == null) {
            return new Verdict.Rejected(Reason.MISSING_SIGNATURE, "Casso v2 needs X-Casso-Signature");
        }
        String t = null;
        String v1 = null;
        for (String part : signatureHeader.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || !t.matches("[0-9]{1,16}")) {
            return new Verdict.Rejected(Reason.MALFORMED, "X-Casso-Signature must be t=<unix ms>,v1=<hex>");
        }
        if (Duration.between(Instant.ofEpochMilli(Long.parseLong(t)), now).abs().compareTo(MAX_AGE) > 0) {
            return new Verdict.Rejected(Reason.STALE, "Casso signature time is more than 5 minutes from now");
        }
        JsonNode b = parse(body);
        if (b == null || !b.path("data").isObject()) {
            return new Verdict.Rejected(Reason.MALFORMED, "Casso v2 body must have a data object");
        }
        String canonical;
        try {
            canonical = CanonicalJson.of(b);
        } catch (CanonicalJson.TooDeep e) {
            return tooDeep("Casso v2");
        }
        String expected = Signatures.hmacHex("HmacSHA512", checksumKey,
                (t + "." + canonical).getBytes(StandardCharsets.UTF_8));
        if (!Signatures.sameText(expected, v1)) {
            return new Verdict.Rejected(Reason.BAD_SIGNATURE, "Casso v2 signature does not match");
        }
        JsonNode d = b.get("data");
        Long amount = integer(d, "amount");
        if (amount == null || amount == 0) {
            return new Verdict.Rejected(Reason.MALFORMED, "Casso v2 data without a whole, non-zero amount");
        }
        try {
            return new Verdict.Accepted(List.of(new InboundPayment(Provider.CASSO_V2, d.path("id").asString(),
                    text(d, "reference"), Math.abs(amount), amount > 0 ? Direction.CREDIT : Direction.DEBIT,
                    localTime(text(d, "transactionDateTime")), text(d, "accountNumber"),
                    text(d, "virtualAccountNumber"), text(d, "description"), text(d, "counterAccountName"),
                    text(d, "counterAccountNumber"), text(d, "counterAccountBankId"), null,
                    integer(d, "runningBalance"),
                    binOf(text(d, "bankAbbreviation")) != null ? binOf(text(d, "bankAbbreviation"))
                            : binOf(text(d, "bankName")))));
        } catch (DateTimeParseException e) {
            return new Verdict.Rejected(Reason.MALFORMED, "Casso v2 transactionDateTime is not yyyy-MM-dd HH:mm:ss");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The BIN of the receiving bank a provider names in words; null when it names none we know. */
    static String binOf(String bankName) {
        return vn.cho40.bank.BankDirectory.shipped().byName(bankName).map(vn.cho40.bank.Bank::bin).orElse(null);
    }

    /** Malformed, not a server error: sending it again would not make it shallower (no 503, no retries). */
    private static Verdict tooDeep(String provider) {
        return new Verdict.Rejected(Reason.MALFORMED, provider + " body is nested deeper than "
                + CanonicalJson.MAX_DEPTH + " levels");
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    /** Whole đồng: integral JSON numbers only (a "3000.0" would be a provider bug, not money to round). */
    static Long integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            if (v != null && v.isString() && v.asString().matches("-?[0-9]{1,18}")) {
                return Long.parseLong(v.asString());
            }
            return null;
        }
        return v.asLong();
    }

    /** Provider times without a zone are Vietnam local time (UTC+7). */
    private static Instant localTime(String text) {
        if (text == null) {
            throw new DateTimeParseException("missing time", "", 0);
        }
        return LocalDateTime.parse(text.strip(), LOCAL).atZone(VnFormats.VIETNAM).toInstant();
    }
}
