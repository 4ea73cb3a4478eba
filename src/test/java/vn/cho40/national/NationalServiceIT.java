package vn.cho40.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.Cho40Application;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.billing.CashDesk;
import vn.cho40.market.Market;
import vn.cho40.market.MarketStatus;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;
import vn.cho40.outbox.KafkaClients;
import vn.cho40.outbox.OutboxRelay;
import vn.cho40.outbox.Topics;
import vn.cho40.payment.MatchAll;
import vn.cho40.payment.PaymentMatched;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.payment.WebhookSigner;
import vn.cho40.trader.StallAccounts;

/**
 * The outbox end to end: this test's shared context is the province cell (outbox on), an embedded KRaft broker is
 * Kafka, and a second cho40 server started here with the national role (its own embedded database) is the national
 * service. Events are written with their facts or not at all, survive Kafka being away, arrive at least once and are
 * applied once; the national figures equal what the cell's own tables say, and a rebuild from the topics gives them
 * again.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NationalServiceIT {

    private static final String PAYOS_KEY = "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675";
    private static final AtomicLong ORDER = new AtomicLong(9_700_000);
    /** Markets other tests pay into or count exactly: this test keeps out of them. */
    private static final List<String> TAKEN = List.of("TN-DAITU", "TN-DU", "TN-BOCBO", "TN-DAN", "TN-YENLAC",
            "TN-THAI", "TN-LABANG", "TN-DUCXUAN");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;
    @Autowired
    StallAccounts accounts;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    CashDesk cashDesk;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ConfigurableApplicationContext context;

    EmbeddedKafkaKraftBroker kafka;
    String brokers;
    ConfigurableApplicationContext national;
    JdbcClient nationalDb;
    Market market;

    @BeforeAll
    void startKafkaAndTheNationalServer() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        brokers = kafka.getBrokersAsString();
        relay.ensureTopics(brokers);
        national = new SpringApplication(Cho40Application.class).run("--cho40.role=national",
                "--cho40.kafka.bootstrap-servers=" + brokers, "--cho40.demo.enabled=false", "--cho40.database-url=",
                "--cho40.data-dir=target/it-db/national-" + UUID.randomUUID(), "--server.port=0",
                "--spring.main.banner-mode=off", "--cho40.admin.password=" + IntegrationTest.ADMIN_PASSWORD);
        nationalDb = national.getBean(JdbcClient.class);
        String code = db.sql("""
                SELECT m.code FROM market m WHERE m.province_code = '19' AND m.status = 'LIVE' AND m.code <> ALL(?)
                  AND EXISTS (SELECT 1 FROM bill b WHERE b.market_id = m.id AND b.kind = 'BILL'
                              AND b.status IN ('OPEN', 'PARTLY_PAID'))
                ORDER BY m.code DESC LIMIT 1""").param(TAKEN.toArray(String[]::new)).query(String.class).single();
        market = markets.get(code);
    }

    @AfterAll
    void stop() {
        if (national != null) {
            national.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    @Order(1)
    void anEventIsWrittenInTheTransactionOfItsFactOrNotAtAll() throws Exception {
        // A market's next status step, rolled back: its event goes with it.
        Market moving = db.sql("SELECT code FROM market WHERE status <> 'LIVE' AND code <> ALL(?) ORDER BY code LIMIT 1")
                .param(TAKEN.toArray(String[]::new)).query(String.class).optional().map(markets::get).orElseThrow();
        MarketStatus next = MarketStatus.values()[moving.status().ordinal() + 1];
        long before0 = events(moving.id(), Topics.MARKETS);
        tx.executeWithoutResult(status -> {
            markets.changeStatus(moving.code(), next, null, "it");
            assertThat(events(moving.id(), Topics.MARKETS)).as("written with the fact").isEqualTo(before0 + 1);
            status.setRollbackOnly();
        });
        assertThat(events(moving.id(), Topics.MARKETS)).as("rolled back with the fact").isEqualTo(before0);
        assertThat(markets.get(moving.code()).status()).isEqualTo(moving.status());
        // A matcher batch that fails leaves no payments event; the batch that succeeds writes one per market and day.
        AtomicBoolean crash = new AtomicBoolean(true);
        ApplicationListener<PayloadApplicationEvent<?>> crasher = e -> {
            if (e.getPayload() instanceof PaymentMatched p && p.marketId().equals(market.id()) && crash.get()) {
                throw new IllegalStateException("simulated crash inside the matcher's transaction");
            }
        };
        context.addApplicationListener(crasher);
        MatchAll.now(matcher, db);
        long before = events(market.id(), Topics.PAYMENTS);
        try {
            pay(stall(0), 21_000);
            pay(stall(1), 34_000);
            Thread.sleep(300); // the background matcher may try (and crash) first
            try {
                matcher.matchPending();
            } catch (IllegalStateException crashed) {
                assertThat(crashed).hasMessageContaining("simulated crash");
            }
            assertThat(events(market.id(), Topics.PAYMENTS)).as("no event without its payments").isEqualTo(before);
        } finally {
            crash.set(false);
            context.removeApplicationListener(crasher);
        }
        MatchAll.now(matcher, db);
        assertThat(events(market.id(), Topics.PAYMENTS)).as("one summed event per market, day and batch")
                .isBetween(before + 1, before + 2);
        String payload = db.sql("SELECT payload::text FROM outbox_event WHERE market_id = ? AND topic = ? ORDER BY id DESC "
                + "LIMIT 1").params(market.id(), Topics.PAYMENTS).query(String.class).single();
        assertThat(payload).contains("\"type\": \"payments\"").contains("\"market_id\": \"" + market.id() + "\"");
        // A bill paid at the cash desk: its event comes with it.
        long bills = events(market.id(), Topics.BILLS);
        Object[] bill = db.sql("""
                SELECT id, total_vnd - paid_vnd - waived_vnd - credited_vnd FROM bill WHERE market_id = ? AND kind = 'BILL'
                AND status IN ('OPEN', 'PARTLY_PAID') ORDER BY number LIMIT 1""").param(market.id())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2)}).single();
        cashDesk.pay(market, (UUID) bill[0], Math.min(10_000, (Long) bill[1]), "Nguyễn Văn Thu", "it-cashier");
        assertThat(events(market.id(), Topics.BILLS)).isEqualTo(bills + 1);
    }

    @Test
    @Order(2)
    void whileKafkaIsAwayTheOutboxKeepsItsEventsAndCatchesUpAfter() {
        long waiting = relay.waiting();
        assertThat(waiting).as("the demo and the tests before wrote events").isPositive();
        UUID newest = db.sql("SELECT id FROM outbox_event ORDER BY id DESC LIMIT 1").query(UUID.class).single();
        try (Producer<String, String> away = relay.producer("127.0.0.1:9")) { // nothing listens there
            assertThatThrownBy(() -> relay.relayOnce(away)).isInstanceOf(RuntimeException.class);
        }
        assertThat(relay.waiting()).as("nothing marked relayed without an acknowledgement").isGreaterThanOrEqualTo(waiting);
        relayAll();
        assertThat(db.sql("SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL AND id <= ?").param(newest)
                .query(Long.class).single()).isZero();
    }

    @Test
    @Order(3)
    void theNationalFiguresEqualTheSumsOfTheCellsOwnTables() throws Exception {
        relayAll();
        awaitCaughtUp("cho40-national");
        assertThat(nationalDb.sql("SELECT count(*) FROM national_seen_event").query(Long.class).single())
                .as("every relayed event applied once")
                .isEqualTo(db.sql("SELECT count(*) FROM outbox_event WHERE relayed_at IS NOT NULL").query(Long.class).single());
        assertThat(nationalDays()).isEqualTo(cellDays()).isNotEmpty();
        assertThat(nationalLive()).isEqualTo(cellLive());
        // The page and the API read the national database; the API answers JSON per province.
        Http admin = new Http(nationalPort()).asAdmin();
        var figures = admin.get("/api/v1/national/figures");
        assertThat(figures.status()).isEqualTo(200);
        var thaiNguyen = new ArrayList<tools.jackson.databind.JsonNode>();
        figures.json().path("provinces").forEach(p -> {
            if (p.path("provinceCode").asString().equals("19")) {
                thaiNguyen.add(p);
            }
        });
        assertThat(thaiNguyen).hasSize(1);
        assertThat(thaiNguyen.getFirst().path("marketsLive").asLong()).isEqualTo(cellLive().get("19"));
        assertThat(thaiNguyen.getFirst().path("provinceName").asString()).contains("Thái Nguyên");
        var page = admin.get("/national");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Số liệu toàn quốc", "Thái Nguyên");
        assertThat(admin.get("/national?lang=en").body()).contains("National figures by province");
        var bad = admin.get("/api/v1/national/figures?month=2026-13");
        assertThat(bad.status()).as("a clear refusal, as every invalid input").isEqualTo(422);
        assertThat(bad.body()).contains("YYYY-MM");
        assertThat(admin.get("/home").body()).contains("href=\"/national\"");
        // A cell has no national page.
        assertThat(new Http(port).asAdmin().get("/api/v1/national/figures").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void redeliveredEventsAndARereadFromOffsetZeroChangeNothing() throws Exception {
        Map<String, String> days = nationalDays();
        long seen = nationalDb.sql("SELECT count(*) FROM national_seen_event").query(Long.class).single();
        // The relay sends the market's events again (as after a crash between sending and marking).
        int again = db.sql("UPDATE outbox_event SET relayed_at = NULL WHERE market_id = ?").param(market.id()).update();
        assertThat(again).isPositive();
        relayAll();
        awaitCaughtUp("cho40-national");
        assertThat(nationalDays()).isEqualTo(days);
        assertThat(nationalDb.sql("SELECT count(*) FROM national_seen_event").query(Long.class).single()).isEqualTo(seen);
        // A consumer reading every topic from offset 0 again (a new group) applies nothing twice.
        NationalFigures figures = national.getBean(NationalFigures.class);
        long applied = 0;
        try (KafkaConsumer<String, String> again0 = new KafkaConsumer<>(KafkaClients.consumer(brokers, "", "it-reread"))) {
            again0.subscribe(Topics.ALL);
            long quiet = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < quiet) {
                ConsumerRecords<String, String> records = again0.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    applied += figures.apply(TopicRecords.of(records));
                    quiet = Math.max(quiet, System.nanoTime() + 2_000_000_000L);
                }
            }
        }
        assertThat(applied).isZero();
        assertThat(nationalDays()).isEqualTo(days);
    }

    @Test
    @Order(5)
    void aRebuildFromTheTopicsEndsWithTheSameFigures() throws Exception {
        Map<String, String> days = nationalDays();
        Map<String, Long> live = nationalLive();
        long seen = nationalDb.sql("SELECT count(*) FROM national_seen_event").query(Long.class).single();
        NationalRebuild.Result r = national.getBean(NationalRebuild.class).rebuild(Duration.ofMinutes(2));
        assertThat(r.read()).isGreaterThanOrEqualTo(seen);
        assertThat(nationalDays()).isEqualTo(days);
        assertThat(nationalLive()).isEqualTo(live);
        assertThat(nationalDb.sql("SELECT count(*) FROM national_seen_event").query(Long.class).single()).isEqualTo(seen);
        assertThat(nationalDays()).isEqualTo(cellDays());
    }

    @Test
    @Order(6)
    void relayedEventsAreDeletedAfterTheRetentionAndWaitingOnesNever() {
        UUID old = db.sql("SELECT id FROM outbox_event WHERE relayed_at IS NOT NULL ORDER BY id LIMIT 1")
                .query(UUID.class).single();
        db.sql("UPDATE outbox_event SET relayed_at = relayed_at - interval '8 days' WHERE id = ?").param(old).update();
        long waiting = relay.waiting();
        long relayedBefore = db.sql("SELECT count(*) FROM outbox_event WHERE relayed_at IS NOT NULL").query(Long.class).single();
        assertThat(relay.purge()).as("only what was relayed more than 7 days ago").isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM outbox_event WHERE id = ?").param(old).query(Long.class).single()).isZero();
        assertThat(relay.waiting()).isEqualTo(waiting);
        assertThat(db.sql("SELECT count(*) FROM outbox_event WHERE relayed_at IS NOT NULL").query(Long.class).single())
                .isEqualTo(relayedBefore - 1);
    }

    // --- helpers ---

    private long events(UUID market, String topic) {
        return db.sql("SELECT count(*) FROM outbox_event WHERE market_id = ? AND topic = ?").params(market, topic)
                .query(Long.class).single();
    }

    private Stall stall(int i) {
        return stalls.list(market, null, null).stream().filter(s -> accounts.defaultFor(s.id()).isPresent())
                .sorted(java.util.Comparator.comparing(Stall::code)).toList().get(i);
    }

    private void pay(Stall stall, long amount) throws Exception {
        long id = ORDER.incrementAndGet();
        String account = accounts.defaultFor(stall.id()).orElseThrow().accountNumber();
        WebhookSigner.Signed s = WebhookSigner.payOs(new WebhookSigner.Transfer(id, "FT-KAFKA-" + id, account, amount,
                true, Instant.now().minusSeconds(5), "mua hang"), PAYOS_KEY);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(s.body()));
        s.headers().forEach(r::header);
        int status = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).isBetween(200, 299);
    }

    private void relayAll() {
        try (Producer<String, String> producer = relay.producer(brokers)) {
            while (relay.relayOnce(producer) > 0) {
                // until nothing waits
            }
        }
    }

    private int nationalPort() {
        return Integer.parseInt(national.getEnvironment().getProperty("local.server.port"));
    }

    /** Waits until the national consumer group has committed every partition's end offset. */
    private void awaitCaughtUp(String group) throws Exception {
        try (Admin admin = Admin.create(KafkaClients.admin(brokers, ""))) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(Topics.ALL).allTopicNames().get().forEach((name, d) -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                var ends = admin.listOffsets(latest).all().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                if (caughtUp) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the national consumer did not catch up: " + committed + " vs " + ends);
                }
                Thread.sleep(200);
            }
        }
    }

    /** The test market's payments and bill payments per day, as the national database has them. */
    private Map<String, String> nationalDays() {
        Map<String, String> out = new java.util.TreeMap<>();
        nationalDb.sql("""
                SELECT day, payments_count, payments_value_vnd, bill_payments_count, bill_payments_value_vnd
                FROM national_market_day WHERE market_id = ?""").param(market.id())
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3) + " "
                        + rs.getLong(4) + "/" + rs.getLong(5))).list();
        out.values().removeIf(v -> v.equals("0/0 0/0"));
        return out;
    }

    /** The same recomputed from the cell's own tables: matched payments and bill payments per Vietnam day. */
    private Map<String, String> cellDays() {
        Map<String, String> out = new java.util.TreeMap<>();
        db.sql("""
                WITH p AS (SELECT (booked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, count(*) n, sum(amount_vnd) v
                           FROM payment_event WHERE market_id = ? AND status = 'MATCHED' GROUP BY 1),
                     b AS (SELECT (paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, count(*) n, sum(amount_vnd) v
                           FROM bill_payment WHERE market_id = ? GROUP BY 1)
                SELECT coalesce(p.day, b.day), coalesce(p.n, 0), coalesce(p.v, 0), coalesce(b.n, 0), coalesce(b.v, 0)
                FROM p FULL JOIN b ON b.day = p.day""").params(market.id(), market.id())
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3) + " "
                        + rs.getLong(4) + "/" + rs.getLong(5))).list();
        return out;
    }

    private Map<String, Long> nationalLive() {
        Map<String, Long> out = new java.util.TreeMap<>();
        nationalDb.sql("SELECT province_code, count(*) FILTER (WHERE status = 'LIVE') FROM national_market GROUP BY 1")
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private Map<String, Long> cellLive() {
        Map<String, Long> out = new java.util.TreeMap<>();
        db.sql("SELECT province_code, count(*) FILTER (WHERE status = 'LIVE') FROM market GROUP BY 1")
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }
}
