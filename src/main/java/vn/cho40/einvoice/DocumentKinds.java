package vn.cho40.einvoice;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which document each line goes on: the board sets, per charge type (the line's item code), an invoice (a priced
 * service, the usual case for market charges) or a receipt (a fee under the Law on Fees and Charges 97/2015). A line
 * whose charge the board has not set goes on an invoice; a line without a charge code on the asker's kind.
 */
final class DocumentKinds {

    private DocumentKinds() {
    }

    /** The lines per kind, invoice first, each in its original order; kinds without lines are left out. */
    static Map<EInvoices.Kind, List<EDocument.Line>> split(List<EDocument.Line> lines,
                                                           Map<String, EInvoices.Kind> byCharge,
                                                           EInvoices.Kind fallback) {
        Map<EInvoices.Kind, List<EDocument.Line>> parts = new EnumMap<>(EInvoices.Kind.class);
        for (EDocument.Line l : lines) {
            EInvoices.Kind kind = l.code() == null ? fallback
                    : byCharge.getOrDefault(l.code(), EInvoices.Kind.INVOICE);
            parts.computeIfAbsent(kind, k -> new ArrayList<>()).add(kind == EInvoices.Kind.RECEIPT ? noVat(l) : l);
        }
        return parts;
    }

    /** A receipt states fees, which bear no VAT: the line's amount as charged, without a rate. */
    private static EDocument.Line noVat(EDocument.Line l) {
        if (l.vatRate() == null) {
            return l;
        }
        long gross = l.amountVnd() + (l.vatVnd() != null ? l.vatVnd() : VatRates.vat(l.amountVnd(), l.vatRate()));
        return new EDocument.Line(l.name(), l.unit(), 1000, gross, gross, null, l.code());
    }
}
