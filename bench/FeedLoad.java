// Load for the trader app's live feed, in its own process (JDK only, run as `java bench/FeedLoad.java ...`):
// logs demo traders in by phone + one-time code, holds CONNS Server-Sent-Event connections per trader, sends
// RATE signed SePay webhooks a second to those traders' accounts for SECONDS, and measures, for every event a
// connection receives, the time from just before the webhook was sent to its arrival on the open page's stream.
// Usage: java bench/FeedLoad.java BASE_URL SEPAY_KEY TRADERS CONNS RATE SECONDS
// Listener only (the webhooks then come from wrk with bench/feed.lua, which stamps each amount with the
// millisecond it was sent): java bench/FeedLoad.java listen BASE_URL TRADERS CONNS SECONDS ACCOUNTS_FILE
// opens the streams, writes the traders' accounts to ACCOUNTS_FILE and ACCOUNTS_FILE.ready, listens SECONDS.
// The demo traders (phone, account) come from the demo's own folder: DEMO_TRADERS, else
// $CHO40_DEMO_DIR/demo-traders.csv, else ~/.cho40-demo/demo-traders.csv (the server lists them nowhere).
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FeedLoad {
    static final long BASE_AMOUNT = 7_000_000;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern CODE = Pattern.compile("(\\d{6})");
    static final Pattern AMOUNT = Pattern.compile("\"amount\":(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("listen")) {
            listen(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    java.nio.file.Path.of(args[5]));
            return;
        }
        String base = args[0];
        String key = args[1];
        int traders = Integer.parseInt(args[2]);
        int conns = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);
        int seconds = Integer.parseInt(args[5]);
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        List<String[]> pairs = demoTraders(HttpClient.newBuilder().executor(pool).build(), base, traders);
        long[] sentAt = new long[(int) (rate * seconds) + 10];
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong events = new AtomicLong();
        AtomicLong open = new AtomicLong();
        List<String> accounts = new ArrayList<>();
        for (String[] pair : pairs) {
            HttpClient client = HttpClient.newBuilder().executor(pool).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            if (!logIn(client, base, pair[0])) {
                System.err.println("login failed for a trader; skipped");
                continue;
            }
            accounts.add(pair[1]);
            for (int c = 0; c < conns; c++) {
                client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/trader/feed"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                        // Async: a stream read on the caller's thread would block the main thread for good.
                        .thenAcceptAsync(r -> {
                            open.incrementAndGet();
                            r.body().forEach(line -> {
                                Matcher a = AMOUNT.matcher(line);
                                if (line.startsWith("data:") && a.find()) {
                                    long amount = Long.parseLong(a.group(1));
                                    int seq = (int) (amount - BASE_AMOUNT);
                                    if (seq >= 0 && seq < sentAt.length && sentAt[seq] != 0) {
                                        latencies.add(System.nanoTime() - sentAt[seq]);
                                        events.incrementAndGet();
                                    }
                                }
                            });
                        }, pool);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (open.get() < (long) accounts.size() * conns && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("traders=%d connections_open=%d%n", accounts.size(), open.get());
        if (accounts.isEmpty()) {
            System.exit(1);
        }
        HttpClient sender = HttpClient.newBuilder().executor(pool).build();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        long start = System.nanoTime();
        int sent = 0;
        AtomicLong ok = new AtomicLong();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
            long due = start + (long) (sent * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, 2_000_000));
                continue;
            }
            int seq = sent++;
            String account = accounts.get(seq % accounts.size());
            String ref = "FL" + start + "-" + seq;
            String body = "{\"id\":" + (start % 1_000_000_000L * 100_000 + seq) + ",\"gateway\":\"\","
                    + "\"transactionDate\":\"" + LocalDateTime.now(ZoneOffset.ofHours(7)).format(time)
                    + "\",\"accountNumber\":\"" + account + "\",\"code\":null,\"content\":\"mua hang\","
                    + "\"transferType\":\"in\",\"transferAmount\":" + (BASE_AMOUNT + seq) + ",\"accumulated\":0,"
                    + "\"subAccount\":null,\"referenceCode\":\"" + ref + "\",\"description\":\"\"}";
            sentAt[seq] = System.nanoTime();
            sender.sendAsync(HttpRequest.newBuilder(URI.create(base + "/webhooks/sepay"))
                    .header("Authorization", "Apikey " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> {
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    });
        }
        Thread.sleep(5000);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double elapsed = (System.nanoTime() - start) / 1e9 - 5;
        System.out.printf("sent=%d (%.0f/s) ok=%d expected_events=%d received_events=%d p50_ms=%.1f p99_ms=%.1f "
                        + "max_ms=%.1f%n", sent, sent / elapsed, ok.get(), (long) sent * conns, events.get(),
                pct(sorted, 50), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
        System.exit(0);
    }

    static void listen(String base, int traders, int conns, int seconds, java.nio.file.Path accountsFile)
            throws Exception {
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        List<String[]> pairs = demoTraders(HttpClient.newBuilder().executor(pool).build(), base, traders);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong open = new AtomicLong();
        // Replays of earlier payments arrive as each stream opens; only what arrives after all are open counts.
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> accounts = new ArrayList<>();
        for (String[] pair : pairs) {
            HttpClient client = HttpClient.newBuilder().executor(pool).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            if (!logIn(client, base, pair[0])) {
                continue;
            }
            accounts.add(pair[1]);
            String cookies = String.join("; ", ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore()
                    .getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
            for (int c = 0; c < conns; c++) {
                // A bare socket per stream (HTTP/1.0: no chunking, the body is the event stream itself): the
                // listener should cost the machine what a phone would, not what an HTTP client library does.
                Thread.ofVirtual().start(() -> {
                    URI uri = URI.create(base);
                    try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
                        socket.getOutputStream().write(("GET /trader/feed HTTP/1.0\r\nHost: " + uri.getHost()
                                + "\r\nAccept: text/event-stream\r\nCookie: " + cookies + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                                StandardCharsets.UTF_8));
                        open.incrementAndGet();
                        for (String line; (line = in.readLine()) != null; ) {
                            Matcher a = AMOUNT.matcher(line);
                            if (line.startsWith("data:") && a.find()) {
                                long amount = Long.parseLong(a.group(1));
                                if (measuring.get() && amount >= 1_000_000 && amount < 2_000_000) {
                                    long sentMs = amount - 1_000_000;
                                    long nowMs = System.currentTimeMillis() % 1_000_000;
                                    latencies.add((nowMs - sentMs + 1_000_000) % 1_000_000);
                                }
                            }
                        }
                    } catch (java.io.IOException e) {
                        System.err.println("stream ended: " + e);
                    }
                });
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (open.get() < (long) accounts.size() * conns && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // the last replays
        measuring.set(true);
        java.nio.file.Files.write(accountsFile, accounts);
        java.nio.file.Files.writeString(java.nio.file.Path.of(accountsFile + ".ready"), "" + open.get());
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("traders=%d connections_open=%d received_events=%d p50_ms=%d p99_ms=%d max_ms=%d%n",
                accounts.size(), open.get(), sorted.size(), pctMs(sorted, 50), pctMs(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.getLast());
        System.exit(0);
    }

    static long pctMs(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    static List<String[]> demoTraders(HttpClient plain, String base, int traders) throws Exception {
        String dir = System.getenv().getOrDefault("CHO40_DEMO_DIR", System.getProperty("user.home") + "/.cho40-demo");
        java.nio.file.Path file = java.nio.file.Path.of(System.getenv().getOrDefault("DEMO_TRADERS",
                dir + "/demo-traders.csv"));
        List<String[]> pairs = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(file)) {
            String[] f = line.split(",");   // market,stall,phone,account
            if (f.length == 4 && f[0].equals("TN-DAITU") && pairs.size() < traders) {
                pairs.add(new String[] {f[2], f[3]});
            }
        }
        return pairs;
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    static boolean logIn(HttpClient client, String base, String phone) throws Exception {
        String page = get(client, base + "/trader/login");
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            System.err.println("no csrf on the login page");
            return false;
        }
        String codePage = post(client, base + "/trader/login/code", "phone=" + phone + "&_csrf=" + enc(csrf.group(1)));
        Matcher sms = Pattern.compile("demo-sms[^>]*>([^<]*)").matcher(codePage);
        if (!sms.find()) {
            System.err.println("no code shown: " + codePage.replaceAll("\\s+", " ").replaceAll(".*<main>", "")
                    .substring(0, 300));
            return false;
        }
        Matcher code = CODE.matcher(sms.group(1));
        Matcher csrf2 = CSRF.matcher(codePage);
        if (!code.find() || !csrf2.find()) {
            return false;
        }
        post(client, base + "/trader/login", "phone=" + phone + "&code=" + code.group(1) + "&_csrf="
                + enc(csrf2.group(1)));
        return client.send(HttpRequest.newBuilder(URI.create(base + "/trader")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String post(HttpClient client, String url, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
