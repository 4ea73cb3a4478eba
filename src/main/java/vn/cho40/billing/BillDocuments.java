package vn.cho40.billing;

import java.time.LocalDate;
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
class BillDocuments implements vn.cho40.einvoice.EInvoiceDrafts {

    private final JdbcClient db;
    private final EInvoices einvoices;

    BillDocuments(JdbcClient db, EInvoices einvoices) {
        this.db = db;
        this.einvoices = einvoices;
    }

    void requestFor(UUID billId) {
        requestForAll(List.of(billId));
    }

    /**
     * Asks for the e-invoices of bills paid in full, by their source alone (one short row each, in one statement):
     * the issuer composes each draft from the bill when it issues, off the path that settles payments.
     */
    void requestForAll(List<UUID> billIds) {
        if (billIds.isEmpty()) {
            return;
        }
        requestForPaid(db.sql("SELECT id, market_id, kind, corrects FROM bill WHERE id = ANY(?)")
                .param(billIds.toArray(UUID[]::new))
                .query((rs, n) -> new Paid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class)))
                .list());
    }

    /** A bill paid in full, as the payer's transaction read it: its market, its kind and the bill it corrects. */
    record Paid(UUID billId, UUID marketId, String kind, UUID corrects) {
    }

    /** The same for bills the caller has read already (the settling of a batch of transfers). */
    void requestForPaid(List<Paid> bills) {
        List<EInvoices.Request> requests = new java.util.ArrayList<>();
        for (Paid b : bills) {
            if ("ADJUSTMENT".equals(b.kind()) && einvoices.requested("bill:" + b.corrects())) {
                // An adjusting bill (more asked) of a documented bill, paid: an adjusting document of that one.
                einvoices.requestAdjustment(b.marketId(), "bill:" + b.billId(), "bill:" + b.corrects(),
                        "Điều chỉnh tăng theo hóa đơn phí điều chỉnh đã thanh toán");
            } else {
                requests.add(new EInvoices.Request(b.marketId(), "bill:" + b.billId(), EInvoices.Kind.INVOICE, null));
            }
        }
        einvoices.requestAll(requests);
    }

    @Override
    public List<String> chargeTypes() {
        return java.util.Arrays.stream(Charge.values()).map(Charge::name).toList();
    }

    /** A paid bill's invoice: the trader as buyer, one line per charge of the bill, dated when it is issued. */
    @Override
    public java.util.Optional<EInvoices.Draft> draftOf(String source, LocalDate issuedOn) {
        if (!source.startsWith("bill:")) {
            return java.util.Optional.empty();
        }
        UUID billId;
        try {
            billId = UUID.fromString(source.substring("bill:".length()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        record Head(String number, String traderName, String stallCode, BillingPeriod period, String kind) {
        }
        java.util.Optional<Head> head = db.sql("""
                SELECT coalesce(o.number, b.number), t.full_name, s.code, b.period_start, b.kind, b.period_end FROM bill b
                LEFT JOIN bill o ON o.id = b.corrects
                JOIN trader t ON t.id = b.trader_id JOIN stall s ON s.id = b.stall_id WHERE b.id = ?""")
                .param(billId).query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3),
                        BillingPeriod.of(rs.getObject(4, LocalDate.class), rs.getObject(6, LocalDate.class)),
                        rs.getString(5))).optional();
        // A bill's own lines, then those of credit notes issued before its document was (they lowered what it asked,
        // so its document states the net); a credit note's lines take the VAT rate of the bill's line of that charge.
        // Each line carries its charge as item code: the board's setting per charge decides invoice or receipt.
        if (head.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<UUID> billsRead = new java.util.ArrayList<>(List.of(billId));
        if (head.get().kind().equals("BILL")) {
            db.sql("SELECT id FROM bill WHERE corrects = ? AND kind = 'CREDIT_NOTE' ORDER BY created_at").param(billId)
                    .query(UUID.class).list().stream().filter(cn -> !einvoices.requested("bill:" + cn))
                    .forEach(billsRead::add);
        }
        return head.map(h -> new EInvoices.Draft(new EDocument.Party(h.traderName(), null, "Quầy " + h.stallCode()
                + " · hóa đơn phí " + h.number()), db.sql("""
                SELECT l.description, l.unit, l.quantity_milli, l.unit_price_vnd, l.amount_vnd,
                       coalesce(l.vat_bp, (SELECT o.vat_bp FROM bill_line o JOIN bill cb ON cb.id = l.bill_id
                                           WHERE o.bill_id = cb.corrects AND o.charge = l.charge ORDER BY o.line LIMIT 1)),
                       l.charge
                FROM bill_line l JOIN bill b ON b.id = l.bill_id
                WHERE l.bill_id = ANY(?) ORDER BY b.created_at, l.line""").param(billsRead.toArray(UUID[]::new))
                .query((rs, n) -> line(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        (Integer) rs.getObject(6), h.period(), rs.getString(7)))
                .list(), issuedOn));
    }

    static EDocument.Line line(String description, String unit, long qtyMilli, long unitPrice, long gross,
                               Integer vatBp, BillingPeriod period, String charge) {
        String rate = vatBp == null ? null : vatBp % 100 == 0 ? (vatBp / 100) + "%" : "KHAC:" + (vatBp / 100.0) + "%";
        long before = rate == null ? gross : VatRates.beforeVat(gross, rate);
        // The line says what it charged for: "Tiền điện tháng 11/2026", "Tiền thuê quầy quý 4/2026".
        String month = switch (period.kind()) {
            case MONTH -> " tháng " + period.label();
            case QUARTER -> " " + period.label();
            case DAY -> " ngày " + period.label();
        };
        if (("KWH".equals(unit) || "M3".equals(unit)) && rate != null
                && before == Math.multiplyExact(unitPrice, qtyMilli) / 1000 && qtyMilli % 1000 == 0) {
            return new EDocument.Line(description + month, "KWH".equals(unit) ? "kWh" : "m³", qtyMilli, unitPrice,
                    before, rate, charge, gross - before);
        }
        // The line's VAT is what the bill charged on it: the document then adds up to what the trader paid.
        return new EDocument.Line(description + month, "khoản", 1000, before, before, rate, charge,
                rate == null ? null : gross - before);
    }
}
