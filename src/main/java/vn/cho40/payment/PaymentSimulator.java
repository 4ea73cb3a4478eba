package vn.cho40.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import vn.cho40.shared.VnFormats;

/**
 * Simulated customers paying a market's stalls through the providers' real, signed webhook formats, with a
 * realistic mix: amounts of 5,000–500,000 đồng (most small), a morning peak, retried and cross-channel
 * duplicates, some unknown accounts, some money out, a few forged requests. Used by
 * {@code ./cho40 simulate payments} and by the demo's background traffic. No Spring, no database.
 */
public final class PaymentSimulator {

    /** What was sent, what the server answered, and what it should have answered. */
    public record Sent(Kind kind, String provider, String reference, int status, long micros) {
        public boolean asExpected() {
            return kind == Kind.FORGED ? status == 401 : status >= 200 && status < 300;
        }
    }

    public enum Kind { CREDIT, DEBIT, UNKNOWN_ACCOUNT, RETRY, OTHER_CHANNEL, FORGED }

    /** Share of customers per hour of the day in Vietnam (markets are busiest 6–9 in the morning). */
    private static final double[] DAY = {0.05, 0.05, 0.05, 0.05, 0.1, 0.4, 0.9, 1.0, 0.9, 0.7, 0.6, 0.5, 0.3, 0.25,
            0.3, 0.4, 0.5, 0.55, 0.4, 0.2, 0.1, 0.05, 0.05, 0.05};
    private static final String[] TEXTS = {"mua rau", "tien thit", "ck mua ca", "thanh toan hang", "tra tien gao",
            "mua hoa qua", "tien dau phu", "MBVCB.%d.mua trung", "chuyen tien cho co ban rau"};

    private final HttpClient http;
    private final URI base;
    private final List<String> accounts;
    private final Properties secrets;
    private final RandomGenerator random;
    private final Clock clock;
    /** A provider channel: signs a transfer with the secrets a lookup gives (real ones, or wrong ones to forge). */
    private record Channel(String name, Signing sign) {
    }

    private interface Signing extends BiFunction<WebhookSigner.Transfer, UnaryOperator<String>, WebhookSigner.Signed> {
    }

    private final List<Channel> channels = new ArrayList<>();
    private final ConcurrentLinkedDeque<WebhookSigner.Transfer> recent = new ConcurrentLinkedDeque<>();
    private long sequence;

    /** @param secrets keys as in {@link DemoWebhookSecrets} ("payos-checksum-key", ..., "direct") */
    public PaymentSimulator(HttpClient http, URI base, List<String> accounts, Properties secrets,
                            RandomGenerator random, Clock clock) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no accounts to pay");
        }
        this.http = http;
        this.base = base;
        this.accounts = List.copyOf(accounts);
        this.secrets = secrets;
        this.random = random;
        this.clock = clock;
        this.sequence = clock.millis() * 1000;
        if (secret("sepay-hmac-secret").isBlank()) {
            // With an HMAC secret the server refuses the API key alone (WebhookEndpoint.sePay).
            add("sepay-api-key", (t, k) -> WebhookSigner.sePayApiKey(t, k.apply("sepay-api-key")));
        }
        add("sepay-hmac-secret", (t, k) -> WebhookSigner.sePayHmac(t, k.apply("sepay-hmac-secret"), clock.instant()));
        add("payos-checksum-key", (t, k) -> WebhookSigner.payOs(t, k.apply("payos-checksum-key")));
        add("casso-checksum-key", (t, k) -> WebhookSigner.cassoV2(t, k.apply("casso-checksum-key"), clock.instant()));
        add("direct", (t, k) -> WebhookSigner.direct(t, DemoWebhookSecrets.DIRECT_PARTNER, k.apply("direct"),
                clock.instant()));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no provider secret to sign with");
        }
    }

    private void add(String secret, Signing sign) {
        if (!secret(secret).isBlank()) {
            channels.add(new Channel(secret, sign));
        }
    }

    private String secret(String key) {
        return secrets.getProperty(key, "");
    }

    /** The relative customer rate now (1.0 at the morning peak). */
    public double dayShare(Instant at) {
        return DAY[at.atZone(VnFormats.VIETNAM).getHour()];
    }

    /** Sends one request of the mix and waits for the answer. */
    public Sent sendOne() throws InterruptedException {
        double r = random.nextDouble();
        Kind kind = r < 0.01 ? Kind.FORGED : r < 0.04 ? Kind.RETRY : r < 0.06 ? Kind.OTHER_CHANNEL
                : r < 0.08 ? Kind.UNKNOWN_ACCOUNT : r < 0.10 ? Kind.DEBIT : Kind.CREDIT;
        WebhookSigner.Transfer previous = recent.peekFirst();
        if ((kind == Kind.RETRY || kind == Kind.OTHER_CHANNEL) && previous == null) {
            kind = Kind.CREDIT;
        }
        int channel = random.nextInt(channels.size());
        if (kind == Kind.DEBIT && channels.get(channel).name().startsWith("payos")) {
            // payOS reports payments into payment links only: money out comes through the other channels.
            channel = channels.size() > 1 ? (channel + 1) % channels.size() : channel;
            kind = channels.size() > 1 ? kind : Kind.CREDIT;
        }
        WebhookSigner.Transfer t = switch (kind) {
            case RETRY, OTHER_CHANNEL -> previous;
            case UNKNOWN_ACCOUNT -> transfer("9" + (100_000_000L + random.nextLong(900_000_000L)), true);
            case DEBIT -> transfer(account(), false);
            default -> transfer(account(), true);
        };
        if (kind == Kind.OTHER_CHANNEL && channels.size() > 1) {
            channel = (channel + 1) % channels.size();
        }
        // A forger does not know the secret: the request is signed with a wrong one.
        UnaryOperator<String> keys = kind == Kind.FORGED ? k -> "forged-" + secret(k) : this::secret;
        WebhookSigner.Signed signed = channels.get(channel).sign().apply(t, keys);
        if (kind == Kind.CREDIT) {
            recent.addFirst(t);
            while (recent.size() > 50) {
                recent.pollLast();
            }
        }
        long start = System.nanoTime();
        int status = post(signed);
        return new Sent(kind, signed.path().substring(signed.path().lastIndexOf('/') + 1), t.reference(), status,
                (System.nanoTime() - start) / 1000);
    }

    private int post(WebhookSigner.Signed signed) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(signed.path())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private String account() {
        return accounts.get(random.nextInt(accounts.size()));
    }

    private synchronized WebhookSigner.Transfer transfer(String account, boolean credit) {
        long id = ++sequence;
        // Mostly small sums, as at a market: log-uniform between 5,000 and 500,000, whole thousands.
        long amount = Math.round(Math.exp(Math.log(5_000) + random.nextDouble() * Math.log(100)) / 1000) * 1000;
        String text = TEXTS[random.nextInt(TEXTS.length)].formatted(id % 100_000);
        return new WebhookSigner.Transfer(id, "SIM" + id, account, amount, credit, clock.instant(), text);
    }
}
