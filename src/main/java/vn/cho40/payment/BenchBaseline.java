package vn.cho40.payment;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.shared.Ids;

/**
 * The benchmark's baseline (cho40.bench.baseline=true only, never in production): the best durable ingest of
 * the raw body alone on the same server, through the same group commit, with no verification, parsing,
 * encryption or matching. The webhook path is measured against it in the same run (docs/benchmarks.md).
 */
@RestController
@ConditionalOnBooleanProperty("cho40.bench.baseline")
class BenchBaseline {

    private record Raw(UUID id, Timestamp at, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final Clock clock;
    private final GroupCommitWriter<Raw> writer;

    BenchBaseline(JdbcTemplate jdbc, org.springframework.transaction.support.TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, received_at timestamptz NOT NULL, "
                + "body bytea NOT NULL)");
        this.writer = new GroupCommitWriter<>("bench-raw", 10_000, 500, this::commit);
    }

    @PostMapping("/bench/raw")
    ResponseEntity<Void> store(@RequestBody byte[] body) throws InterruptedException {
        try {
            writer.submit(new Raw(Ids.newId(clock), new Timestamp(clock.millis()), body)).get(10, TimeUnit.SECONDS);
            return ResponseEntity.ok().build();
        } catch (ExecutionException | TimeoutException e) {
            return ResponseEntity.status(503).build();
        }
    }

    private void commit(List<Raw> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        batch.forEach(r -> rows.add(new Object[] {r.id(), r.at(), r.body()}));
        tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO bench_raw (id, received_at, body) VALUES (?, ?, ?)",
                rows));
    }

    @PreDestroy
    void stop() {
        writer.close();
    }
}
