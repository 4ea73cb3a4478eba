package vn.cho40.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cho40.shared.Money;

/**
 * Facts as JSON, written field by field: the payload is a contract with consumers in other processes (and other
 * versions), so it must not change when a record's Java shape does. Amounts are integer đồng ({@code ..._vnd}).
 */
public final class FactJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FactJson() {
    }

    public static String write(Fact fact) {
        ObjectNode n = JSON.createObjectNode();
        n.put("market_id", fact.marketId().toString());
        switch (fact) {
            case Fact.Payments p -> {
                n.put("type", "payments");
                n.put("day", p.day().toString());
                n.put("count", p.count());
                n.put("value_vnd", p.value().vnd());
            }
            case Fact.BillPayments b -> {
                n.put("type", "bill_payments");
                n.put("day", b.day().toString());
                n.put("count", b.count());
                n.put("value_vnd", b.value().vnd());
            }
            case Fact.MarketStatus s -> {
                n.put("type", "market_status");
                n.put("status", s.status());
                n.put("effective_on", s.effectiveOn() == null ? null : s.effectiveOn().toString());
                n.put("recorded_at", s.recordedAt().toString());
            }
            case Fact.KpiMonth k -> {
                n.put("type", "kpi_month");
                n.put("month", k.month().toString());
                n.put("version", k.version());
                n.put("live", k.live());
                n.put("traders", k.traders());
                n.put("traders_with_qr", k.tradersWithQr());
                n.put("traders_active", k.tradersActive());
                n.put("payments_count", k.paymentsCount());
                n.put("payments_value_vnd", k.paymentsValue().vnd());
            }
        }
        return JSON.writeValueAsString(n);
    }

    /** Reads a payload back; an unknown type or a missing field is an {@link IllegalArgumentException}. */
    public static Fact read(String payload) {
        JsonNode n;
        try {
            n = JSON.readTree(payload);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        UUID market = UUID.fromString(text(n, "market_id"));
        return switch (text(n, "type")) {
            case "payments" -> new Fact.Payments(market, LocalDate.parse(text(n, "day")), number(n, "count"),
                    Money.vnd(number(n, "value_vnd")));
            case "bill_payments" -> new Fact.BillPayments(market, LocalDate.parse(text(n, "day")), number(n, "count"),
                    Money.vnd(number(n, "value_vnd")));
            case "market_status" -> new Fact.MarketStatus(market, text(n, "status"),
                    n.hasNonNull("effective_on") ? LocalDate.parse(text(n, "effective_on")) : null,
                    Instant.parse(text(n, "recorded_at")));
            case "kpi_month" -> new Fact.KpiMonth(market, YearMonth.parse(text(n, "month")),
                    (int) number(n, "version"), n.path("live").asBoolean(), (int) number(n, "traders"),
                    (int) number(n, "traders_with_qr"), (int) number(n, "traders_active"),
                    number(n, "payments_count"), Money.vnd(number(n, "payments_value_vnd")));
            default -> throw new IllegalArgumentException("unknown fact type: " + text(n, "type"));
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field: " + field);
        }
        return v.asString();
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("missing whole number: " + field);
        }
        return v.asLong();
    }
}
