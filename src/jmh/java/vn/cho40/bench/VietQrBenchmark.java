package vn.cho40.bench;

import java.util.ArrayList;
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
import vn.cho40.vietqr.Crc16;
import vn.cho40.vietqr.Decoded;
import vn.cho40.vietqr.QrImages;
import vn.cho40.vietqr.SignPdf;
import vn.cho40.vietqr.VietQr;
import vn.cho40.vietqr.VietQrPayload;

/**
 * Throughput of the VietQR codec and renderers on one core. Baseline in the same run: the CRC-16 of the
 * same payload, the irreducible part of encoding and decoding.
 */
@State(Scope.Thread)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VietQrBenchmark {

    private final VietQrPayload dynamic = VietQrPayload.dynamicCode("970405", "2200123456789", 125_000,
            "Quay A-12 rau cu", "C40K7Q2M9XD");
    private final String payload = VietQr.encode(dynamic);
    /** What a stall sign carries: a static code, numeric and upper case, so a smaller QR version. */
    private final String staticPayload = VietQr.encode(VietQrPayload.staticCode("970405", "2200123456789"));

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int baselineCrc16() {
        return Crc16.of(payload, payload.length() - 4);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String encode() {
        return VietQr.encode(dynamic);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Decoded decodeAndValidate() {
        return VietQr.decode(payload);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] png400pxDynamic() {
        return QrImages.png(payload, 400);
    }

    /** The same dynamic code as drawn for a screen: fixed mask (QrImages.SCREEN_MASK). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] png400pxDynamicScreen() {
        return QrImages.screenPng(payload, 400);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] png400pxStatic() {
        return QrImages.png(staticPayload, 400);
    }

    /** One sign PDF for a 500-stall market, one page per stall. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public byte[] signsPdf500Stalls() {
        List<SignPdf.Sign> signs = new ArrayList<>(500);
        for (int i = 1; i <= 500; i++) {
            String account = "22001234" + String.format("%05d", i);
            signs.add(new SignPdf.Sign("Chợ trung tâm Đại Từ", "A-" + i, "NGUYEN THI HOA", "Agribank",
                    VietQr.encode(VietQrPayload.staticCode("970405", account)), "K7Q2-M9XD", "cho40.vn/v/K7Q2M9XD"));
        }
        return SignPdf.render(signs, SignPdf.Size.A5);
    }
}
