package vn.cho40.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.cho40.demo.DemoTradersFile;
import vn.cho40.payment.DemoWebhookSecrets;
import vn.cho40.payment.PaymentSimulator;

/**
 * {@code ./cho40 simulate payments --market CODE --rate N [--duration S] [--url URL] [--demo-dir DIR] [--flat]}:
 * customers paying a running demo server's stalls through signed webhooks. The rate follows the day (N at the
 * morning peak) unless {@code --flat}. Whom to pay comes from the demo's data folder ({@code --demo-dir}, else
 * CHO40_DEMO_DIR, else ~/.cho40-demo: the file the demo writes, {@code DemoTradersFile}), never from the server:
 * no endpoint lists traders' accounts. Secrets from the CHO40_* variables, else the demo's own file there.
 */
public final class SimulateCommand {

    private SimulateCommand() {
    }

    /** Why the simulator cannot start, said Vietnamese first, then English. */
    static final class NotReady extends Exception {
        NotReady(String vietnamese, String english) {
            super(vietnamese + "\n" + english);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = options(args);
        if (args.length == 0 || !args[0].equals("payments") || !o.containsKey("market") || !o.containsKey("rate")) {
            err.println("Cách dùng / usage: ./cho40 simulate payments --market MÃ --rate SỐ/GIÂY [--duration GIÂY] "
                    + "[--url http://localhost:8080] [--demo-dir ~/.cho40-demo] [--flat]");
            return 2;
        }
        double rate;
        long seconds;
        try {
            rate = Double.parseDouble(o.get("rate"));
            seconds = Long.parseLong(o.getOrDefault("duration", "60"));
        } catch (NumberFormatException e) {
            err.println("--rate và --duration phải là số (--rate and --duration must be numbers)");
            return 2;
        }
        if (rate <= 0 || rate > 20_000 || seconds <= 0) {
            err.println("--rate phải từ 0 đến 20000 mỗi giây, --duration lớn hơn 0 (rate 0–20000/s, duration > 0)");
            return 2;
        }
        Map<String, String> env = System.getenv();
        URI base = URI.create(o.getOrDefault("url", "http://localhost:" + env.getOrDefault("SERVER_PORT", "8080"))
                .replaceAll("/+$", "") + "/");
        Path demoDir = o.containsKey("demo-dir") ? Path.of(o.get("demo-dir")).toAbsolutePath()
                : DemoLaunch.dataDir(env, System.getProperty("user.home"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<String> accounts;
        Properties secrets;
        try {
            accounts = accounts(demoDir, o.get("market"));
            secrets = secrets(env, demoDir);
            checkRunning(http, base);
        } catch (NotReady e) {
            err.println(e.getMessage());
            return 1;
        }
        PaymentSimulator sim = new PaymentSimulator(http, base, accounts, secrets, new SplittableRandom(),
                Clock.systemUTC());
        return drive(sim, rate, seconds, o.containsKey("flat"), out);
    }

    private static int drive(PaymentSimulator sim, double peakRate, long seconds, boolean flat, PrintStream out) {
        Map<PaymentSimulator.Kind, AtomicLong> kinds = new EnumMap<>(PaymentSimulator.Kind.class);
        for (PaymentSimulator.Kind k : PaymentSimulator.Kind.values()) {
            kinds.put(k, new AtomicLong());
        }
        AtomicLong unexpected = new AtomicLong();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        double rate = flat ? peakRate : Math.max(peakRate * sim.dayShare(java.time.Instant.now()), 0.1);
        out.printf("Gửi %.1f thanh toán/giây trong %d giây (sending %.1f/s for %d s)%n", rate, seconds, rate, seconds);
        long sent = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (System.nanoTime() < end) {
                long due = start + (long) (sent * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 50_000_000));
                    continue;
                }
                sent++;
                pool.submit(() -> {
                    PaymentSimulator.Sent s = sim.sendOne();
                    kinds.get(s.kind()).incrementAndGet();
                    micros.add(s.micros());
                    if (!s.asExpected()) {
                        unexpected.incrementAndGet();
                    }
                    return null;
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        double elapsed = (System.nanoTime() - start) / 1e9;
        out.printf("Đã gửi %d trong %.1f s (%.1f/s); p50 %.1f ms, p99 %.1f ms; theo loại %s; trả lời bất thường %d%n",
                sorted.size(), elapsed, sorted.size() / elapsed, pct(sorted, 50), pct(sorted, 99), kinds,
                unexpected.get());
        out.printf("Sent %d in %.1f s; p50 %.1f ms, p99 %.1f ms; unexpected answers %d%n", sorted.size(), elapsed,
                pct(sorted, 50), pct(sorted, 99), unexpected.get());
        return unexpected.get() == 0 ? 0 : 1;
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1000.0;
    }

    /** The market's stall accounts the demo with this data folder wrote. */
    static List<String> accounts(Path demoDir, String market) throws NotReady {
        Path file = demoDir.resolve(DemoTradersFile.FILE);
        List<String> accounts = DemoTradersFile.accounts(demoDir, market).orElseThrow(() -> new NotReady(
                "Không thấy " + file + ". Trình mô phỏng trả tiền cho các quầy của một bản demo đang chạy và đọc "
                        + "danh sách quầy từ thư mục dữ liệu của bản demo đó: chạy ./cho40 demo trước (cùng "
                        + "CHO40_DEMO_DIR), hoặc chỉ thư mục đó bằng --demo-dir THƯ_MỤC.",
                "No " + file + ". The simulator pays the stalls of a running demo and reads them from that demo's "
                        + "data folder: start ./cho40 demo first (with the same CHO40_DEMO_DIR), or name the folder "
                        + "with --demo-dir DIR."));
        if (accounts.isEmpty()) {
            throw new NotReady("Chợ " + market + " không có trong bản demo ở " + demoDir + " (ví dụ: TN-DAITU).",
                    "Market " + market + " is not in the demo at " + demoDir + " (e.g. TN-DAITU).");
        }
        return accounts;
    }

    /** CHO40_* variables when set, else the demo's generated file in its data folder. */
    static Properties secrets(Map<String, String> env, Path demoDir) throws NotReady {
        Properties p = new Properties();
        put(p, "payos-checksum-key", env.get("CHO40_PAYOS_CHECKSUM_KEY"));
        put(p, "sepay-api-key", env.get("CHO40_SEPAY_API_KEY"));
        put(p, "sepay-hmac-secret", env.get("CHO40_SEPAY_HMAC_SECRET"));
        put(p, "casso-checksum-key", env.get("CHO40_CASSO_CHECKSUM_KEY"));
        if (!p.isEmpty()) {
            return p;
        }
        Properties demo = DemoWebhookSecrets.existing(demoDir);
        if (demo == null) {
            throw new NotReady("Không có khóa ký webhook: đặt CHO40_SEPAY_API_KEY... như máy chủ, hoặc để trình mô "
                    + "phỏng đọc khóa của bản demo trong " + demoDir + " (--demo-dir).",
                    "No webhook secrets: set CHO40_SEPAY_API_KEY... as on the server, or let the simulator read "
                            + "the demo's own in " + demoDir + " (--demo-dir).");
        }
        return demo;
    }

    /** The health answer, so a wrong --url is told apart from payments being refused. */
    private static void checkRunning(HttpClient http, URI base) throws NotReady {
        String why;
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                return;
            }
            why = "HTTP " + r.statusCode();
        } catch (java.io.IOException e) {
            why = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        throw new NotReady("Không có máy chủ demo nào trả lời ở " + base + " (" + why + "). Chạy ./cho40 demo, "
                + "hoặc chỉ địa chỉ của nó bằng --url (mặc định http://localhost:SERVER_PORT hoặc 8080).",
                "No demo server answers at " + base + " (" + why + "). Start ./cho40 demo, or give its address "
                        + "with --url (default http://localhost:SERVER_PORT or 8080).");
    }

    private static void put(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.setProperty(key, value);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                o.put(key, hasValue ? args[++i] : "true");
            }
        }
        return o;
    }
}
