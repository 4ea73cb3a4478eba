package vn.cho40.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.IntegrationTest;
import vn.cho40.platform.DatabaseUrl;

/**
 * Two servers issue one board's documents at once; one of them is killed with SIGKILL in the middle of an issuing
 * transaction (a real JVM, {@link IssuerToKill}, holding a claimed request and, most likely, a taken number). The
 * survivor finishes the work: per series the numbers are 1..n without a gap or a duplicate, every request has
 * exactly one document, and every stored document's signature verifies (the killed server's as well as the
 * survivor's, each signed with its own key).
 */
@IntegrationTest
class EInvoiceKillIT {

    private static final String MARKET = "TN-NAPHAC";
    private static final int REQUESTS = 300;

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EInvoices einvoices;
    @Autowired
    EInvoiceIssuer issuer;
    @Autowired
    DataSource dataSource;
    @Autowired
    vn.cho40.payment.MatchingLoad matchingLoad;

    /** While set, this server's issuer is told the matcher is busy; never left set for the tests after this one. */
    private final java.util.concurrent.atomic.AtomicBoolean holdBack = new java.util.concurrent.atomic.AtomicBoolean();

    @org.junit.jupiter.api.AfterEach
    void releaseTheIssuer() {
        holdBack.set(false);
    }

    @Test
    void aServerKilledMidIssueLeavesNoGapAndNoDuplicate() throws Exception {
        UUID market = db.sql("SELECT id FROM market WHERE code = ?").param(MARKET).query(UUID.class).single();
        db.sql("""
                INSERT INTO einvoice_setting (market_id, seller_name, seller_tax_code, seller_address, form, series,
                                              updated_at, updated_by)
                VALUES (?, 'Ban quản lý chợ Nà Phặc', '0100112437', 'Nà Phặc', 1, 'C26TKL', now(), 'test')
                ON CONFLICT (market_id) DO UPDATE SET mode = 'LOCAL', form = 1, series = 'C26TKL'""").param(market)
                .update();
        // The requests wait until the second server is up; the market's demo bills wait till tomorrow.
        tx.executeWithoutResult(s -> {
            for (int i = 1; i <= REQUESTS; i++) {
                einvoices.request(market, "test-kill:" + i, EInvoices.Kind.INVOICE, new EInvoices.Draft(
                        new EDocument.Party("Hoàng Văn Nam", null, "Quầy C-" + i),
                        List.of(new EDocument.Line("Giá dịch vụ sử dụng diện tích bán hàng", "tháng", 1_000,
                                10_000L * i, 10_000L * i, "8%", "RENT")), LocalDate.of(2026, 11, 30)));
            }
            db.sql("UPDATE einvoice_request SET next_try_at = now() + interval '1 day' WHERE market_id = ? "
                    + "AND issued_id IS NULL").param(market).update();
        });

        // This server's scheduled issuer, warm, would take the whole queue in a moment and leave the second server
        // nothing to be killed in: it is told the matcher is busy (as under a payments backlog), so it takes a few
        // documents a tick until the kill.
        holdBack.set(true);
        java.lang.reflect.Method busy = vn.cho40.payment.MatchingLoad.class.getDeclaredMethod("matched", int.class);
        busy.setAccessible(true);
        Thread.ofVirtual().start(() -> {
            while (holdBack.get()) {
                try {
                    busy.invoke(matchingLoad, 1_000);
                    Thread.sleep(200);
                } catch (ReflectiveOperationException | InterruptedException e) {
                    return;
                }
            }
        });
        Process other = startIssuer(market);
        AtomicInteger issuedThere = new AtomicInteger();
        Thread.ofVirtual().start(() -> follow(other, issuedThere));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!ready && other.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ready).as("the second server started").isTrue();
        db.sql("UPDATE einvoice_request SET next_try_at = now() - interval '1 second' WHERE market_id = ? "
                + "AND source LIKE 'test-kill:%' AND issued_id IS NULL").param(market).update();

        // Both servers at work (this one's scheduled issuer, warm, takes most); kill the other inside a transaction
        // once it has issued a few.
        boolean killedInTransaction = false;
        while (System.nanoTime() < deadline && other.isAlive()) {
            if (issuedThere.get() >= 5 && openTransactions() > 0) {
                other.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback from the JVM
                killedInTransaction = true;
                break;
            }
            Thread.onSpinWait();
        }
        holdBack.set(false);
        assertThat(killedInTransaction).as("killed while a transaction of it was open (issued %d)", issuedThere.get())
                .isTrue();
        assertThat(other.waitFor()).as("killed by signal 9").isEqualTo(137);
        int issuedByKilled = issuedThere.get();
        // The database ends the killed server's session and its transaction (taken number and all) with it.
        while (openTransactions() > 0 && System.nanoTime() < deadline + 30_000_000_000L) {
            Thread.sleep(20);
        }
        while (issuer.issuePending(market, REQUESTS) > 0 || waiting(market) > 0) {
            Thread.sleep(20); // the scheduled issuer may hold the last request it claimed
        }

        assertThat(db.sql("""
                SELECT count(*) FROM einvoice_request r JOIN e_document d ON d.id = r.issued_id AND d.source = r.source
                WHERE r.market_id = ? AND r.source LIKE 'test-kill:%'""").param(market).query(Integer.class).single())
                .as("every request issued").isEqualTo(REQUESTS);
        assertThat(db.sql("""
                SELECT count(*) FROM e_document WHERE market_id = ? AND source LIKE 'test-kill:%'""").param(market)
                .query(Integer.class).single()).as("and once").isEqualTo(REQUESTS);
        for (String series : db.sql("SELECT DISTINCT form || series FROM e_document WHERE market_id = ?")
                .param(market).query(String.class).list()) {
            List<Integer> numbers = db.sql("SELECT number FROM e_document WHERE market_id = ? AND form || series = ? "
                    + "ORDER BY number").params(market, series).query(Integer.class).list();
            List<Integer> expected = new ArrayList<>();
            for (int n = 1; n <= numbers.size(); n++) {
                expected.add(n);
            }
            assertThat(numbers).as("series %s: no gap, no duplicate", series).isEqualTo(expected);
            assertThat(db.sql("SELECT last FROM einvoice_number WHERE market_id = ? AND form || series = ?")
                    .params(market, series).query(Integer.class).single()).as("its counter").isEqualTo(numbers.size());
        }
        Set<java.math.BigInteger> signers = new HashSet<>();
        for (byte[] xml : db.sql("SELECT xml FROM e_document WHERE market_id = ?").param(market).query(byte[].class)
                .list()) {
            DocumentCheck.Result check = DocumentCheck.check(xml);
            assertThat(check.problems()).as("a stored document checks, signature and all").isEmpty();
            signers.add(check.signer().getSerialNumber());
        }
        assertThat(issuedByKilled).isPositive();
        assertThat(signers).as("documents of both servers").hasSizeGreaterThanOrEqualTo(2);
    }

    private volatile boolean ready;

    /** The killed server's transactions still open in the database. */
    private int openTransactions() {
        return db.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND xact_start IS NOT NULL")
                .param(IssuerToKill.APPLICATION_NAME).query(Integer.class).single();
    }

    private int waiting(UUID market) {
        return db.sql("SELECT count(*) FROM einvoice_request WHERE market_id = ? AND source LIKE 'test-kill:%' "
                + "AND issued_id IS NULL").param(market).query(Integer.class).single();
    }

    private Process startIssuer(UUID market) throws Exception {
        // The database the test context uses, embedded or the server of CHO40_TEST_DATABASE_URL (trust auth).
        DatabaseUrl url;
        try (Connection c = dataSource.getConnection()) {
            url = new DatabaseUrl(c.getMetaData().getURL(), c.getMetaData().getUserName(), null);
        }
        Path keys = Files.createTempDirectory(Path.of("target"), "issuer-to-kill");
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                IssuerToKill.class.getName(), url.jdbcUrl(), url.username(),
                url.password() == null ? "-" : url.password(), keys.toString(), market.toString())
                .redirectError(keys.resolve("stderr.txt").toFile()).start();
    }

    /** Reads the other server's progress lines. */
    private void follow(Process p, AtomicInteger issued) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("ready")) {
                    ready = true;
                } else if (line.startsWith("issued ")) {
                    issued.set(Integer.parseInt(line.substring(7)));
                } else {
                    System.out.println("issuer to kill: " + line); // its log, kept in the test's report
                }
            }
        } catch (java.io.IOException e) {
            // the process was killed
        }
    }
}
