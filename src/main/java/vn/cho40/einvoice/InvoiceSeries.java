package vn.cho40.einvoice;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's form number and series as printed together, e.g. {@code 1C26TAA} (Circular 78/2021 Art. 4, kept by
 * Circular 32/2025): the form (1 VAT invoice, 2 sales invoice, ... 9), then six characters: C or K (with or without
 * the tax authority's code), the year's last two digits, the kind letter (T registered seller, D, L, M cash register,
 * N, B, G, H), and two letters the seller chooses. In the XML the form is {@code KHMSHDon}, the series {@code KHHDon}.
 */
public record InvoiceSeries(int form, String series) implements DocumentSymbol {

    private static final Pattern PRINTED = Pattern.compile("([1-9])([CK][0-9]{2}[TDLMNBGH][A-Z]{2})");

    public InvoiceSeries {
        if (form < 1 || form > 9 || series == null || !PRINTED.matcher(form + series).matches()) {
            throw new IllegalArgumentException("not an invoice form and series: " + form + series);
        }
    }

    /**
     * The form and series of a printed symbol such as {@code 1C26TAA}; empty when it is not one (wrong length,
     * a letter where the year goes, a kind letter the circular does not know, lower case).
     */
    public static Optional<InvoiceSeries> parse(String printed) {
        Matcher m = printed == null ? null : PRINTED.matcher(printed.strip());
        return m != null && m.matches()
                ? Optional.of(new InvoiceSeries(Integer.parseInt(m.group(1)), m.group(2)))
                : Optional.empty();
    }

    /** The two-digit year the series was registered for: numbering restarts each year. */
    public int year() {
        return 2000 + Integer.parseInt(series.substring(1, 3));
    }

    /** Whether documents of this series carry the tax authority's code ({@code MCCQT}). */
    public boolean withAuthorityCode() {
        return series.charAt(0) == 'C';
    }

    @Override
    public String printed() {
        return form + series;
    }

    @Override
    public String formText() {
        return String.valueOf(form);
    }

    @Override
    public String seriesText() {
        return series;
    }

    @Override
    public EInvoices.Kind kind() {
        return EInvoices.Kind.INVOICE;
    }
}
