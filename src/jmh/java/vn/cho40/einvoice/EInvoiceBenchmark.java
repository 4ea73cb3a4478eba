package vn.cho40.einvoice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;

/**
 * E-invoices per second on one core (issue 14's goal: ≥ 100 issued, signed and rendered): a stall's month of five
 * charges built into the tax authority's XML, signed (XMLDSig RSA-SHA256 with a 2048-bit key, certificate
 * embedded) and rendered to its PDF with the lookup QR. Baseline in the same run: the same XML built and written
 * without a signature. The database's part (number, row) is measured by bench/einvoices.sh.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Threads(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EInvoiceBenchmark {

    private final SigningKeys keys = SigningKeys.selfSigned("Ban quản lý chợ Đại Từ", "0100112437",
            Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
    private final DocumentSymbol series = InvoiceSeries.parse("1C26TAA").orElseThrow();
    private final Instant signedAt = Instant.parse("2026-11-30T03:00:00Z");
    private long number;

    private EDocument next() {
        number = number % 99_999_999 + 1;
        long rent = VatRates.beforeVat(720_000, "8%");
        return new EDocument(series, number, LocalDate.of(2026, 11, 30), "CK",
                new EDocument.Party("Ban quản lý chợ Đại Từ", "0100112437", "Thị trấn Hùng Sơn, Thái Nguyên"),
                new EDocument.Party("Nguyễn Thị Hoa", null, "Quầy A-1, chợ Đại Từ"),
                List.of(new EDocument.Line("Giá dịch vụ sử dụng diện tích bán hàng tháng 11/2026", "tháng", 1_000,
                                rent, rent, "8%"),
                        new EDocument.Line("Điện tiêu thụ (1.200 → 1.285)", "kWh", 85_000, 3_152, 267_920, "8%"),
                        new EDocument.Line("Nước sinh hoạt (40 → 46)", "m³", 6_000, 12_000, 72_000, "5%"),
                        new EDocument.Line("Vệ sinh, thu gom rác tháng 11/2026", "tháng", 1_000, 50_000, 50_000, "8%"),
                        new EDocument.Line("An ninh, trật tự tháng 11/2026", "tháng", 1_000, 30_000, 30_000, "8%")),
                "DT26-" + number);
    }

    /** Baseline: the document's XML built and written, unsigned. */
    @Benchmark
    public byte[] unsignedXml() {
        return InvoiceXml.bytes(InvoiceXml.build(next()));
    }

    /** What the issuer does per document: build and sign. */
    @Benchmark
    public byte[] issueAndSign() {
        Document doc = InvoiceXml.build(next());
        XmlSignatures.sign(doc, keys.privateKey(), keys.certificate(), signedAt);
        return InvoiceXml.bytes(doc);
    }

    /** The goal's measure: built, signed and rendered to the PDF a trader downloads. */
    @Benchmark
    public byte[] issueSignAndRender() {
        Document doc = InvoiceXml.build(next());
        XmlSignatures.sign(doc, keys.privateKey(), keys.certificate(), signedAt);
        byte[] xml = InvoiceXml.bytes(doc);
        return EInvoicePdf.render(xml, "https://cho40.example/tra-cuu?ma=DT26-" + number, "Ban quản lý chợ Đại Từ",
                false);
    }
}
