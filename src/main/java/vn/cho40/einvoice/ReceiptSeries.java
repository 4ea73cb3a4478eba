package vn.cho40.einvoice;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-receipt's form and series (biên lai điện tử). Neither PROVIDERS.md §5 nor WAVE2_RESEARCH.md §2.4 gives the
 * receipt symbols; this follows Circular 78/2021 Art. 6 as commonly applied (and kept by Circular 32/2025), to be
 * checked against the text: the form symbol ({@code ký hiệu mẫu biên lai}) is ten characters, {@code 01} (receipt
 * without a printed face value; {@code 02} with one), {@code BLP}, the copy digit {@code 0} for an electronic receipt,
 * a dash and a three-digit form number, e.g. {@code 01BLP0-001}; the series ({@code ký hiệu biên lai}) is two capital
 * letters chosen by the issuer, a dash, the year's last two digits and {@code E} (electronic), e.g. {@code AB-26E}.
 */
public record ReceiptSeries(String form, String series) implements DocumentSymbol {

    private static final Pattern FORM = Pattern.compile("0[12]BLP0-[0-9]{3}");
    private static final Pattern SERIES = Pattern.compile("[A-Z]{2}-[0-9]{2}E");

    public ReceiptSeries {
        if (form == null || !FORM.matcher(form).matches() || series == null || !SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("not a receipt form and series: " + form + " " + series);
        }
    }

    public static Optional<ReceiptSeries> parse(String form, String series) {
        String f = form == null ? "" : form.strip().toUpperCase(java.util.Locale.ROOT);
        String s = series == null ? "" : series.strip().toUpperCase(java.util.Locale.ROOT);
        return FORM.matcher(f).matches() && SERIES.matcher(s).matches() ? Optional.of(new ReceiptSeries(f, s))
                : Optional.empty();
    }

    public static boolean validForm(String form) {
        return form != null && FORM.matcher(form).matches();
    }

    public static boolean validSeries(String series) {
        return series != null && SERIES.matcher(series).matches();
    }

    /** The year the series was registered for: numbering restarts with it. */
    public int year() {
        return 2000 + Integer.parseInt(series.substring(3, 5));
    }

    @Override
    public String formText() {
        return form;
    }

    @Override
    public String seriesText() {
        return series;
    }

    @Override
    public String printed() {
        return form + " " + series;
    }

    @Override
    public EInvoices.Kind kind() {
        return EInvoices.Kind.RECEIPT;
    }
}
