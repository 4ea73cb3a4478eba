package vn.cho40.traderapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.privacy.FieldCipher;

/** A payment reaches the trader's open app, with the words to speak, and is replayed after a reconnect. */
@IntegrationTest
class TraderFeedIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    JdbcClient db;
    @Autowired
    FieldCipher cipher;
    @Autowired
    vn.cho40.TestClock testClock;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String csrf(String page) throws Exception {
        String html = client.send(HttpRequest.newBuilder(URI.create(url(page))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private void form(String path, String body) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private void logInAsDemoTrader() throws Exception {
        String phone = demo.demoTraderPhone();
        // Other tests logged this trader in too: let the one-time-code send limit (3 per 15 min) pass.
        testClock.advance(java.time.Duration.ofMinutes(16));
        form("/trader/login/code", "phone=" + phone + "&_csrf=" + csrf("/trader/login"));
        Matcher code = Pattern.compile("(\\d{6})").matcher(((LogSmsSender) sms).lastMessage(phone).orElseThrow());
        assertThat(code.find()).isTrue();
        form("/trader/login", "phone=" + phone + "&code=" + code.group(1) + "&_csrf=" + csrf("/trader/login"));
    }

    private BlockingQueue<String> open(String lastEventId) {
        return open(lastEventId, "/trader/feed");
    }

    private BlockingQueue<String> open(String lastEventId, String path) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    try (Stream<String> s = r.body()) {
                        s.forEach(lines::add);
                    }
                    lines.add("<closed>");
                });
        return lines;
    }

    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    /** The payments a new stream replays: its data lines until none has come for two seconds. */
    private static java.util.List<String> replayed(BlockingQueue<String> lines) throws InterruptedException {
        java.util.List<String> data = new java.util.ArrayList<>();
        long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < quietUntil) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:{")) {
                data.add(line);
                quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            }
        }
        return data;
    }

    private void pay(String account, String reference, long amount) throws Exception {
        pay(account, reference, amount, "X", "RAU");
    }

    private void pay(String account, String reference, long amount, String gateway, String content) throws Exception {
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"" + gateway + "\",\"transactionDate\":"
                + "\"2026-11-24 08:00:00\",\"accountNumber\":\"" + account + "\",\"code\":null,\"content\":\"" + content + "\","
                + "\"transferType\":\"in\",\"transferAmount\":" + amount + ",\"accumulated\":0,\"subAccount\":null,"
                + "\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/webhooks/sepay")))
                .header("Authorization", "Apikey k-123").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        vn.cho40.payment.MatchAll.now(matcher, db);
    }

    @Test
    void aPaymentIsPushedWithItsFullWordsAndReplayedAfterAReconnect() throws Exception {
        logInAsDemoTrader();
        UUID trader = db.sql("SELECT trader_id FROM lease l JOIN stall s ON s.id = l.stall_id JOIN market m ON "
                + "m.id = s.market_id WHERE m.code = 'TN-DAITU' AND s.code = 'A-1' AND l.ends_on IS NULL")
                .query(UUID.class).single();
        byte[] enc = db.sql("SELECT account_enc FROM receiving_account WHERE trader_id = ? ORDER BY created_at LIMIT 1")
                .param(trader).query((rs, n) -> rs.getBytes(1)).single();
        String account = cipher.decrypt("account", enc);

        BlockingQueue<String> live = open(null);
        assertThat(next(live, ":connected")).as("the stream is open").isNotNull();
        pay(account, "FT-FEED-1", 200_000);
        String data = next(live, "data:{");
        assertThat(data).as("pushed to the open app").isNotNull()
                .contains("\"amount\":200000", "200.000\u00a0₫", "Hai trăm nghìn đồng", "\"belowFloor\":false");

        pay(account, "FT-FEED-2", 200);
        String small = next(live, "data:{");
        assertThat(small).contains("Hai trăm đồng", "\"belowFloor\":true");

        // Reconnecting after the first payment replays only what came later.
        String firstId = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-FEED-1'")
                .query(String.class).single();
        assertThat(replayed(open(firstId))).anyMatch(d -> d.contains("Hai trăm đồng"))
                .noneMatch(d -> d.contains("Hai trăm nghìn"));

        // The app's watchdog opens a new stream with ?after= when pings stop: the same replay.
        assertThat(replayed(open(null, "/trader/feed?after=" + firstId))).anyMatch(d -> d.contains("Hai trăm đồng"))
                .noneMatch(d -> d.contains("Hai trăm nghìn"));

        // Matched out of the order of their ids (made at receipt; two servers' batches cross, another cell's matcher
        // takes its share a second later): a payment with a lower id, matched after the last one the page showed,
        // is still replayed.
        pay(account, "FT-FEED-3", 3_000);
        pay(account, "FT-FEED-4", 4_000);
        // The matching loop may hold either in its own transaction still (matchPending skips what it holds).
        long matchedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (db.sql("SELECT count(*) FROM payment_event WHERE bank_reference IN ('FT-FEED-3', 'FT-FEED-4') "
                + "AND status = 'MATCHED'").query(Long.class).single() < 2 && System.nanoTime() < matchedBy) {
            Thread.sleep(20);
        }
        db.sql("""
                UPDATE payment_event SET matched_at = (SELECT matched_at + interval '1 second' FROM payment_event
                                                       WHERE bank_reference = 'FT-FEED-4')
                WHERE bank_reference = 'FT-FEED-3'""").update();
        String fourth = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-FEED-4'")
                .query(String.class).single();
        assertThat(replayed(open(fourth))).as("the lower id matched later").anyMatch(d -> d.contains("Ba nghìn đồng"))
                .noneMatch(d -> d.contains("Bốn nghìn đồng"));
        // Idle pages get a ping every heartbeat (1 s in tests), carrying the period for the app's watchdog.
        assertThat(next(live, "event:ping")).as("heartbeat on an idle stream").isNotNull();
        assertThat(next(live, "data:")).isEqualTo("data:1");
    }

    @Autowired
    TraderFeed feed;

    @Test
    void aStoppingServerClosesTheStreamsFirst() throws Exception {
        logInAsDemoTrader();
        BlockingQueue<String> live = open(null);
        assertThat(next(live, ":connected")).isNotNull();
        // What the shutdown's first phase does: without it a stream never ends and the stop waits out its grace.
        feed.closeAll();
        assertThat(next(live, "<closed>")).as("the stream ended").isEqualTo("<closed>");
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * Several servers on one database: a payment matched on one server reaches the stream a phone holds on another,
     * both ways. The other server is a second relay on the same PostgreSQL, as a second process would have.
     */
    @Test
    void paymentsCrossToTheStreamsOfOtherServersOnTheSameDatabase() throws Exception {
        FeedRelay otherServer = new FeedRelay(dataSource);
        BlockingQueue<FeedRelay.Announcement> heardThere = new LinkedBlockingQueue<>();
        otherServer.onRemote(heardThere::add);
        otherServer.start();
        try {
            logInAsDemoTrader();
            UUID trader = db.sql("SELECT trader_id FROM lease l JOIN stall s ON s.id = l.stall_id JOIN market m ON "
                    + "m.id = s.market_id WHERE m.code = 'TN-DAITU' AND s.code = 'A-1' AND l.ends_on IS NULL")
                    .query(UUID.class).single();
            byte[] enc = db.sql("SELECT account_enc FROM receiving_account WHERE trader_id = ? ORDER BY created_at LIMIT 1")
                    .param(trader).query((rs, n) -> rs.getBytes(1)).single();
            String account = cipher.decrypt("account", enc);
            BlockingQueue<String> live = open(null);
            assertThat(next(live, ":connected")).isNotNull();
            Thread.sleep(1_500); // both listeners are listening before anything is sent

            // Matched here: the other server hears it, once.
            pay(account, "FT-RELAY-1", 123_000);
            UUID paid = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-RELAY-1'").query(UUID.class).single();
            FeedRelay.Announcement heard = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); heard == null && System.nanoTime() < end; ) {
                FeedRelay.Announcement a = heardThere.poll(200, TimeUnit.MILLISECONDS);
                if (a != null && a.paymentId().equals(paid)) {
                    heard = a;
                }
            }
            assertThat(heard).as("the other server heard the payment matched here").isNotNull();
            assertThat(heard.traderId()).isEqualTo(trader);
            assertThat(heard.amountVnd()).isEqualTo(123_000);

            // Matched on the other server: this server's stream for that trader announces it.
            UUID elsewhere = UUID.randomUUID();
            otherServer.publish(new FeedRelay.Announcement(trader, elsewhere, 77_000, java.time.Instant.now()));
            String data = next(live, "data:{\"id\":\"" + elsewhere);
            assertThat(data).as("pushed to the stream held here").isNotNull().contains("\"amount\":77000", "77.000");
        } finally {
            otherServer.stop();
        }
    }

    /**
     * A bill paid by transfer settles the bill and says nothing: no announcement goes to the trader's stream on any
     * server (the voice is for money coming in), while a sale to the same trader a moment later is announced.
     */
    @Test
    void aBillPaidByTransferIsNotAnnounced() throws Exception {
        FeedRelay otherServer = new FeedRelay(dataSource);
        BlockingQueue<FeedRelay.Announcement> heard = new LinkedBlockingQueue<>();
        otherServer.onRemote(heard::add);
        otherServer.start();
        try {
            Thread.sleep(1_500); // listening before anything is sent
            var bill = db.sql("""
                    SELECT b.trader_id, b.payment_code, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd,
                           m.collection_account_no, b.id
                    FROM bill b JOIN market m ON m.id = b.market_id JOIN lease l ON l.trader_id = b.trader_id
                    WHERE m.code = 'TN-DAITU' AND b.status = 'OPEN' AND b.kind = 'BILL' AND l.ends_on IS NULL
                      AND EXISTS (SELECT 1 FROM receiving_account a WHERE a.trader_id = b.trader_id)
                      -- not the demo trader, whose stream the other tests open and read
                      AND b.trader_id NOT IN (SELECT l2.trader_id FROM lease l2 JOIN stall s2 ON s2.id = l2.stall_id
                                              WHERE s2.market_id = m.id AND s2.code = 'A-1')
                    ORDER BY b.due_on DESC LIMIT 1""")
                    .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getObject(5, UUID.class)}).single();
            UUID trader = (UUID) bill[0];
            pay((String) bill[3], "FT-SILENT-BILL", (Long) bill[2], "Agribank", bill[1] + " nop phi cho");
            assertThat(db.sql("SELECT status FROM bill WHERE id = ?").param(bill[4]).query(String.class).single())
                    .as("the transfer paid the bill").isEqualTo("PAID");
            UUID billPayment = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-SILENT-BILL'")
                    .query(UUID.class).single();

            byte[] enc = db.sql("SELECT account_enc FROM receiving_account WHERE trader_id = ? ORDER BY created_at LIMIT 1")
                    .param(trader).query((rs, n) -> rs.getBytes(1)).single();
            pay(cipher.decrypt("account", enc), "FT-SILENT-SALE", 41_000);
            UUID sale = db.sql("SELECT id FROM payment_event WHERE bank_reference = 'FT-SILENT-SALE'")
                    .query(UUID.class).single();
            java.util.List<UUID> announced = new java.util.ArrayList<>();
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                 !announced.contains(sale) && System.nanoTime() < end; ) {
                FeedRelay.Announcement a = heard.poll(200, TimeUnit.MILLISECONDS);
                if (a != null) {
                    announced.add(a.paymentId());
                }
            }
            assertThat(announced).as("the sale is announced").contains(sale);
            assertThat(announced).as("the bill's payment is not").doesNotContain(billPayment);
        } finally {
            otherServer.stop();
        }
    }
}
