package vn.cho40.einvoice;

import java.util.Optional;

/**
 * The element names that differ between an invoice and a receipt. The invoice's are Decision 1450/QĐ-TCT's
 * ({@code HDon} › {@code DLHDon} › {@code TTChung}/{@code NDHDon}). The research (PROVIDERS.md §5, WAVE2_RESEARCH.md
 * §2.4/§3.1) found no public receipt schema, so a receipt follows the invoice's shape with the receipt's own header
 * names, as the e-receipt pages of the providers name them ({@code BLai} › {@code DLBLai}, {@code THBLai},
 * {@code KHMSBLai}, {@code KHBLai}, {@code SBLai}, {@code NDBLai}); parties, lines, totals and the signature slot are
 * the invoice's ({@code NBan}, {@code NMua}, {@code DSHHDVu}, {@code TToan}, {@code DSCKS/NBan}). To be replaced
 * by the tax authority's receipt structure when a provider hands it over.
 */
public record DocumentShape(EInvoices.Kind kind, String root, String data, String content, String title, String form,
                            String series, String number) {

    public static final DocumentShape INVOICE = new DocumentShape(EInvoices.Kind.INVOICE, "HDon", "DLHDon", "NDHDon",
            "THDon", "KHMSHDon", "KHHDon", "SHDon");
    public static final DocumentShape RECEIPT = new DocumentShape(EInvoices.Kind.RECEIPT, "BLai", "DLBLai", "NDBLai",
            "THBLai", "KHMSBLai", "KHBLai", "SBLai");

    public static DocumentShape of(EInvoices.Kind kind) {
        return kind == EInvoices.Kind.RECEIPT ? RECEIPT : INVOICE;
    }

    /** The shape of a parsed file by its root element; empty when it is neither. */
    public static Optional<DocumentShape> ofRoot(String root) {
        return INVOICE.root.equals(root) ? Optional.of(INVOICE)
                : RECEIPT.root.equals(root) ? Optional.of(RECEIPT) : Optional.empty();
    }
}
