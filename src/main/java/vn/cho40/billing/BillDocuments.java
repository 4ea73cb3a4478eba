package vn.cho40.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.einvoice.EDocument;
import vn.cho40.einvoice.EInvoices;
import vn.cho40.einvoice.VatRates;

/**
 * Asks the e-invoice module for the document of a bill paid in full, in the paying transaction. Market charges are
 * priced services, so the document is an invoice; a line whose rate bears VAT is written with its amount before
 * VAT and its rate, one without with none. Prorated and per-area lines print as one unit at their amount, with the
 * reckoning in their description, so quantity × price always equals the amount printed.
 */
@Component
class BillDocuments {

    private final JdbcClient db;
    private final EInvoices einvoices;
    private final Clock clock;

    BillDocuments(JdbcClient db, EInvoices einvoices, Clock clock) {
        this.db = db;
        this.einvoices = einvoices;
        this.clock = clock;
    }

    void requestFor(UUID billId) {
        requestForAll(List.of(billId));
    }

    /** The e-invoice requests of bills paid in full, read and asked for in three statements whatever their number. */
    void requestForAll(List<UUID> billIds) {
        if (billIds.isEmpty()) {
            return;
        }
        record Head(UUID id, UUID marketId, String number, String traderName, String stallCode, LocalDate periodStart) {
        }
        UUID[] ids = billIds.toArray(UUID[]::new);
        List<Head> heads = db.sql("""
                SELECT b.id, b.market_id, b.number, t.full_name, s.code, b.period_start FROM bill b
                JOIN trader t ON t.id = b.trader_id JOIN stall s ON s.id = b.stall_id WHERE b.id = ANY(?)""")
                .param(ids).query((rs, n) -> new Head(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class))).list();
        java.util.Map<UUID, LocalDate> periodOf = new java.util.HashMap<>();
        heads.forEach(h -> periodOf.put(h.id(), h.periodStart()));
        java.util.Map<UUID, List<EDocument.Line>> lines = new java.util.HashMap<>();
        db.sql("""
                SELECT bill_id, description, unit, quantity_milli, unit_price_vnd, amount_vnd, vat_bp FROM bill_line
                WHERE bill_id = ANY(?) ORDER BY bill_id, line""").param(ids)
                .query((rs, n) -> {
                    UUID bill = rs.getObject(1, UUID.class);
                    lines.computeIfAbsent(bill, k -> new java.util.ArrayList<>()).add(line(rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), (Integer) rs.getObject(7),
                            periodOf.get(bill)));
                    return null;
                }).list();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        einvoices.requestAll(heads.stream().map(h -> new EInvoices.Request(h.marketId(), "bill:" + h.id(),
                EInvoices.Kind.INVOICE, new EInvoices.Draft(new EDocument.Party(h.traderName(), null, "Quầy "
                + h.stallCode() + " · hóa đơn phí " + h.number()), lines.getOrDefault(h.id(), List.of()), today)))
                .toList());
    }

    static EDocument.Line line(String description, String unit, long qtyMilli, long unitPrice, long gross,
                               Integer vatBp, LocalDate periodStart) {
        String rate = vatBp == null ? null : vatBp % 100 == 0 ? (vatBp / 100) + "%" : "KHAC:" + (vatBp / 100.0) + "%";
        long before = rate == null ? gross : VatRates.beforeVat(gross, rate);
        String month = " tháng " + periodStart.getMonthValue() + "/" + periodStart.getYear();
        if (("KWH".equals(unit) || "M3".equals(unit)) && rate != null
                && before == Math.multiplyExact(unitPrice, qtyMilli) / 1000 && qtyMilli % 1000 == 0) {
            return new EDocument.Line(description + month, "KWH".equals(unit) ? "kWh" : "m³", qtyMilli, unitPrice,
                    before, rate);
        }
        return new EDocument.Line(description + month, "khoản", 1000, before, before, rate);
    }
}
