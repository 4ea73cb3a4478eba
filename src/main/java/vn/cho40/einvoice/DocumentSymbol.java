package vn.cho40.einvoice;

/**
 * What a document is numbered under: an invoice's form digit and series ({@link InvoiceSeries}, {@code 1C26TAA}) or a
 * receipt's form and series ({@link ReceiptSeries}, {@code 01BLP0-001 AB-26E}). Numbers run per form and series.
 */
public sealed interface DocumentSymbol permits InvoiceSeries, ReceiptSeries {

    /** The form as the XML writes it ({@code KHMSHDon} / {@code KHMSBLai}) and as the number table keys it. */
    String formText();

    /** The series as the XML writes it ({@code KHHDon} / {@code KHBLai}). */
    String seriesText();

    /** Form and series as printed and shown in the register. */
    String printed();

    EInvoices.Kind kind();

    /** The symbol stored for a document of this kind (as {@code e_document.form} and {@code series} hold it). */
    static DocumentSymbol of(EInvoices.Kind kind, String form, String series) {
        return kind == EInvoices.Kind.RECEIPT ? new ReceiptSeries(form, series)
                : new InvoiceSeries(Integer.parseInt(form), series);
    }
}
