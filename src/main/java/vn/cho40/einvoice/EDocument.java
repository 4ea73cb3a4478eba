package vn.cho40.einvoice;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an e-invoice says, before it is XML: the series and number, the day, the seller (the market board) and the
 * buyer (the trader), and the lines. Amounts are integer đồng before VAT; VAT is computed per rate over the lines of
 * that rate and rounded half up once per rate, as the totals block states it ({@code THTTLTSuat}).
 */
public record EDocument(DocumentSymbol series, long number, LocalDate issuedOn, String paymentMethod, Party seller,
                        Party buyer, List<Line> lines, String lookupCode, Related related) {

    /** Format version of the tax authority's structure this platform writes. */
    public static final String FORMAT_VERSION = "2.1.0";

    public EDocument {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        if (number < 1 || number > 99_999_999) {
            throw new IllegalArgumentException("an invoice number has 1 to 8 digits: " + number);
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        lines = List.copyOf(lines);
        paymentMethod = paymentMethod == null ? "TM/CK" : paymentMethod;
        if (related == null && lines.stream().mapToLong(Line::amountVnd).sum() < 0) {
            throw new IllegalArgumentException("only an adjusting document may take an amount off");
        }
    }

    public EDocument(DocumentSymbol series, long number, LocalDate issuedOn, String paymentMethod, Party seller,
                     Party buyer, List<Line> lines, String lookupCode) {
        this(series, number, issuedOn, paymentMethod, seller, buyer, lines, lookupCode, null);
    }

    /** Replace ({@code TCHDon} 1) or adjust (2): what the XML's {@code TTHDLQuan} says of a correction. */
    public enum Correction {
        REPLACE(1), ADJUST(2);

        public final int code;

        Correction(int code) {
            this.code = code;
        }
    }

    /**
     * The document a replacing or adjusting one corrects ({@code TTChung/TTHDLQuan}, Decree 123/2020 Art. 19 as
     * amended by Decree 70/2025): its form, series, number and date, and why.
     */
    public record Related(Correction correction, String form, String series, long number, LocalDate issuedOn,
                          String note) {
        public Related {
            Objects.requireNonNull(correction, "correction");
            Objects.requireNonNull(issuedOn, "issuedOn");
        }
    }

    /** Seller or buyer: name, tax code (may be absent for a buyer), address. */
    public record Party(String name, String taxCode, String address) {
        public Party {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a party has a name");
            }
        }
    }

    /**
     * One line: what was sold, its unit, the quantity in thousandths (12.5 m² is 12500), the unit price and the
     * amount before VAT, and the VAT rate as the XML writes it ({@code 8%}, {@code 10%}, {@code KCT}...; null on a
     * sales invoice, form 2, or a receipt, which have none), and the item code ({@code MHHDVu}: the charge type of a
     * bill's line, which decides whether it goes on an invoice or a receipt). {@code vatVnd}: the line's own VAT
     * when it was billed with VAT rounded line by line (a market's bill: its lines' amounts with VAT are what the
     * trader paid, and the document must add up to them), or null when the VAT is reckoned on the rate's total.
     */
    public record Line(String name, String unit, long quantityMilli, long unitPriceVnd, long amountVnd, String vatRate,
                       String code, Long vatVnd) {
        public Line(String name, String unit, long quantityMilli, long unitPriceVnd, long amountVnd, String vatRate) {
            this(name, unit, quantityMilli, unitPriceVnd, amountVnd, vatRate, null, null);
        }

        public Line(String name, String unit, long quantityMilli, long unitPriceVnd, long amountVnd, String vatRate,
                    String code) {
            this(name, unit, quantityMilli, unitPriceVnd, amountVnd, vatRate, code, null);
        }

        public Line {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a line has a name");
            }
            if (vatRate != null && VatRates.basisPoints(vatRate) < 0) {
                throw new IllegalArgumentException("unknown VAT rate " + vatRate);
            }
            if (vatVnd != null && vatRate == null) {
                throw new IllegalArgumentException("a line without a VAT rate has no VAT");
            }
        }
    }

    /** The title the law gives the form ({@code THDon}). */
    public String title() {
        if (series instanceof ReceiptSeries) {
            return "Biên lai thu phí, lệ phí";
        }
        return switch (((InvoiceSeries) series).form()) {
            case 1 -> "Hóa đơn giá trị gia tăng";
            case 2 -> "Hóa đơn bán hàng";
            default -> "Hóa đơn";
        };
    }

    public EInvoices.Kind kind() {
        return series.kind();
    }

    /**
     * Amount before VAT and VAT, per rate, in the order the rates first appear. The VAT is the sum of the lines' own
     * VAT when every line of the rate carries it (rounded line by line, as the bill was), else reckoned on the rate's
     * total.
     */
    public Map<String, long[]> byRate() {
        Map<String, long[]> sums = new LinkedHashMap<>(); // before VAT, own VAT, lines without their own VAT
        for (Line l : lines) {
            if (l.vatRate() != null) {
                long[] s = sums.computeIfAbsent(l.vatRate(), r -> new long[3]);
                s[0] += l.amountVnd();
                if (l.vatVnd() == null) {
                    s[2]++;
                } else {
                    s[1] += l.vatVnd();
                }
            }
        }
        Map<String, long[]> out = new LinkedHashMap<>();
        sums.forEach((rate, s) -> out.put(rate, new long[] {s[0], s[2] == 0 ? s[1] : VatRates.vat(s[0], rate)}));
        return out;
    }

    public long totalBeforeVat() {
        return lines.stream().mapToLong(Line::amountVnd).sum();
    }

    public long totalVat() {
        return byRate().values().stream().mapToLong(a -> a[1]).sum();
    }

    public long total() {
        return totalBeforeVat() + totalVat();
    }
}
