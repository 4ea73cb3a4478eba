package vn.cho40.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cho40.market.Markets;
import vn.cho40.trader.StallAccounts;

/**
 * The demo's customers: a gentle stream of simulated payments (cho40.demo.traffic-per-minute, 0 = none) sent
 * through the real, signed webhook path of this very server, so that every screen of the demo is alive.
 */
@Component
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class SimulatedTraffic {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimulatedTraffic.class);

    private final ProviderSecrets secrets;
    private final Markets markets;
    private final StallAccounts accounts;
    private final int perMinute;
    private final List<String> marketCodes;
    private volatile Thread thread;

    SimulatedTraffic(ProviderSecrets secrets, Markets markets, StallAccounts accounts,
                     @Value("${cho40.demo.traffic-per-minute:6}") int perMinute,
                     @Value("${cho40.demo.traffic-markets:TN-DAITU,TN-DU,DB-BUNGLAO}") List<String> marketCodes) {
        this.secrets = secrets;
        this.markets = markets;
        this.accounts = accounts;
        this.perMinute = perMinute;
        this.marketCodes = marketCodes;
    }

    private volatile int port;

    @EventListener
    void listening(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /**
     * Starts once the application is ready: the demo loads its markets and traders after the web server is up (a
     * runner), and a first start found no account to pay at the server's start, so it sent nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (perMinute <= 0 || thread != null || port <= 0) {
            return;
        }
        List<String> targets = new ArrayList<>();
        for (String code : marketCodes) {
            markets.find(code.strip()).ifPresent(m -> targets.addAll(accounts.defaultAccountNumbers(m.id(), 500)));
        }
        if (targets.isEmpty()) {
            return;
        }
        Properties keys = new Properties();
        for (ProviderSecrets.Name name : ProviderSecrets.Name.values()) {
            keys.setProperty(name.key(), secrets.platform(name));
        }
        keys.setProperty("direct", secrets.partner(DemoWebhookSecrets.DIRECT_PARTNER));
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        PaymentSimulator sim = new PaymentSimulator(HttpClient.newHttpClient(), base, targets, keys,
                new SplittableRandom(), Clock.systemUTC());
        Duration pause = Duration.ofMillis(60_000L / perMinute);
        HttpClient http = HttpClient.newHttpClient();
        SplittableRandom dice = new SplittableRandom();
        thread = Thread.ofVirtual().name("demo-traffic").start(() -> {
            long sent = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(pause);
                    if (++sent % 20 == 0) {
                        unknownThroughAMarket(http, base, dice);
                    } else {
                        sim.sendOne();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.debug("demo traffic: {}", e.toString());
                }
            }
        });
        log.info("Demo: {} simulated payments a minute to {} stall accounts", perMinute, targets.size());
    }

    /**
     * A transfer nobody registered, through a market's own provider account: it waits in that market's queue, so
     * the demo's boards and cashiers see the queue at work (a few an hour at the default rate).
     */
    private void unknownThroughAMarket(HttpClient http, URI base, SplittableRandom dice) throws InterruptedException {
        String code = marketCodes.get(dice.nextInt(marketCodes.size())).strip();
        String key = secrets.market(code, ProviderSecrets.Name.SEPAY_API_KEY);
        if (key.isBlank()) {
            return;
        }
        long id = System.currentTimeMillis() * 10 + dice.nextInt(10);
        long amount = (5 + dice.nextInt(200)) * 1000L;
        WebhookSigner.Signed signed = WebhookSigner.sePayApiKey(new WebhookSigner.Transfer(id, "SIMX" + id,
                "9" + (100_000_000L + dice.nextLong(900_000_000L)), amount, true, Clock.systemUTC().instant(),
                "chuyen tien " + (id % 10_000)), key);
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(base.resolve(signed.path() + "/"
                        + code)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(b::header);
        try {
            http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            log.debug("demo traffic: {}", e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
