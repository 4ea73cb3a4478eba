package vn.cho40.einvoice;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Port: the draft of a document whose request named only its source (a paid bill, {@code bill:<id>}), composed when
 * the document is issued. The module that owns the source implements it; empty for a source it does not know.
 */
public interface EInvoiceDrafts {

    Optional<EInvoices.Draft> draftOf(String source, LocalDate issuedOn);

    /**
     * The charge types the owner writes as its lines' item codes ({@code RENT}, {@code CLEANING}...), for the board's
     * choice of an invoice or a receipt per charge; their labels are {@code billing.charge.<TYPE>} in the bundles.
     */
    default java.util.List<String> chargeTypes() {
        return java.util.List.of();
    }
}
