// The load side of bench/scale-out.sh, in its own process (JDK only; FeedLoad.java beside it is compiled with it):
// java bench/ScaleOut.java WEBHOOKS_URL KEY RATE LISTENERS OUT STOP_FILE CELL=URL,TRADERS_CSV ...
//   - listens: LISTENERS demo traders of each cell log in through that cell's balancer URL and hold their live feed
//     open; when the server holding a stream dies, the stream reconnects through the balancer with Last-Event-ID, as
//     the app does. Every payment a stream delivers is logged ("cell account event-id" in OUT/feed.log), replays of
//     ones already shown included (the app drops those by id).
//   - sends: RATE signed SePay webhooks a second through the balancer's webhook URL, alternately to each cell's
//     accounts (half of them to the listened ones), each retried like a provider until it gets a 2xx or the stop file
//     has been there for 30 s. Every answer is logged ("reference cell account status" in OUT/answers.log; status 0 =
//     no answer).
// OUT/ready appears once every listener is connected. When STOP_FILE appears the sending stops; OUT/delivered appears
// once every delivery has ended; the streams listen on until STOP_FILE.streams appears (the script waits for the
// matchers to finish first), then the program ends.
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

public class ScaleOut {

    record Cell(String name, String url, List<String[]> traders, List<String> listened) {
    }

    /** Deliveries still trying. */
    static final AtomicLong DELIVERING = new AtomicLong();

    static final DateTimeFormatter SEPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static void main(String[] args) throws Exception {
        String webhooks = args[0];
        String key = args[1];
        double rate = Double.parseDouble(args[2]);
        int listeners = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        Path stop = Path.of(args[5]);
        List<Cell> cells = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            String[] nameRest = args[i].split("=", 2);
            String[] urlCsv = nameRest[1].split(",", 2);
            List<String[]> traders = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(urlCsv[1]))) {
                String[] f = line.split(",");   // market,stall,phone,account (a header line first)
                if (f.length == 4 && !f[0].equals("market")) {
                    traders.add(new String[] {f[2], f[3]});
                }
            }
            cells.add(new Cell(nameRest[0], urlCsv[0], traders, new ArrayList<>()));
        }
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        PrintWriter feedLog = new PrintWriter(Files.newBufferedWriter(out.resolve("feed.log")), true);
        PrintWriter answers = new PrintWriter(Files.newBufferedWriter(out.resolve("answers.log")), true);
        PrintWriter listenedLog = new PrintWriter(Files.newBufferedWriter(out.resolve("listened.txt")), true);
        for (Cell cell : cells) {
            for (String[] trader : cell.traders()) {
                if (cell.listened().size() == listeners) {
                    break;
                }
                HttpClient client = HttpClient.newBuilder().executor(pool).cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
                if (FeedLoad.logIn(client, cell.url(), trader[0])) {
                    cell.listened().add(trader[1]);
                    listenedLog.println(cell.name() + " " + trader[1]);
                    pool.submit(() -> listen(client, cell, trader[1], feedLog, Path.of(stop + ".streams")));
                }
            }
        }
        Files.writeString(out.resolve("ready"), "");
        send(webhooks, key, rate, cells, answers, stop, pool);
        while (DELIVERING.get() > 0) {
            sleep(100);
        }
        Files.writeString(out.resolve("delivered"), "");
        // The streams' clients run on this pool: it is shut only once they are told to stop.
        while (!Files.exists(Path.of(stop + ".streams"))) {
            sleep(100);
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        System.exit(0);
    }

    /** One trader's open page: reconnects after every end of its stream, saying the last payment it got. */
    static void listen(HttpClient client, Cell cell, String account, PrintWriter log, Path stop) {
        String last = null;
        while (!Files.exists(stop)) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(cell.url() + "/trader/feed"))
                    .header("Accept", "text/event-stream");
            if (last != null) {
                req.header("Last-Event-ID", last);
            }
            try {
                var lines = client.send(req.build(), HttpResponse.BodyHandlers.ofLines()).body().iterator();
                String id = null;
                while (lines.hasNext() && !Files.exists(stop)) {
                    String line = lines.next();
                    if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:") && line.contains("payment") && id != null) {
                        log.println(cell.name() + " " + account + " " + id);
                        last = id;
                    } else if (line.isEmpty()) {
                        id = null;
                    }
                }
            } catch (Exception gone) {
                // The server holding the stream died or the balancer dropped it: connect again, as the app does.
            }
            sleep(200);
        }
    }

    static void send(String url, String key, double rate, List<Cell> cells, PrintWriter log, Path stop,
                     ExecutorService pool) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(pool).connectTimeout(java.time.Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        long base = System.currentTimeMillis() % 1_000_000_000L * 1_000;
        AtomicLong n = new AtomicLong();
        long periodNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        while (!Files.exists(stop)) {
            long i = n.incrementAndGet();
            Cell cell = cells.get((int) (i % cells.size()));
            long k = i / cells.size();
            String account = k % 2 == 0 && !cell.listened().isEmpty()
                    ? cell.listened().get((int) (k / 2 % cell.listened().size()))
                    : cell.traders().get((int) (k % cell.traders().size()))[1];
            String ref = "SCALE-" + (base + i);
            String body = """
                    {"id":%d,"gateway":"","transactionDate":"%s","accountNumber":"%s","code":null,"content":"mua rau",\
                    "transferType":"in","transferAmount":%d,"accumulated":0,"subAccount":null,"referenceCode":"%s",\
                    "description":""}""".formatted(base + i, LocalDateTime.now(ZoneOffset.ofHours(7)).format(SEPAY_TIME),
                    account, 5_000 + i % 100 * 1_000, ref);
            DELIVERING.incrementAndGet();
            pool.submit(() -> {
                try {
                    deliver(client, url, key, body, ref + " " + cell.name() + " " + account, log, stop);
                } finally {
                    DELIVERING.decrementAndGet();
                }
            });
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /** A provider's delivery: the same request again after every answer but a 2xx, for as long as the run lasts. */
    static void deliver(HttpClient client, String url, String key, String body, String what, PrintWriter log,
                        Path stop) {
        long giveUp = Long.MAX_VALUE;
        while (System.nanoTime() < giveUp) {
            int status = 0;
            try {
                status = client.send(HttpRequest.newBuilder(URI.create(url + "/webhooks/sepay"))
                        .timeout(java.time.Duration.ofSeconds(15)).header("Content-Type", "application/json")
                        .header("Authorization", "Apikey " + key).POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception noAnswer) {
                // status 0: the server died with the request, or the balancer had none to give it to.
            }
            log.println(what + " " + status);
            if (status >= 200 && status < 300) {
                return;
            }
            if (giveUp == Long.MAX_VALUE && Files.exists(stop)) {
                giveUp = System.nanoTime() + 30_000_000_000L;
            }
            sleep(500);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
