package vn.cho40.payment;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.shared.Ids;

/**
 * The benchmark's baseline ({@code POST /bench/raw}, cho40.bench.baseline=true only, never in production): the
 * best durable ingest of the raw body alone on the same server, served the same way as the webhooks (a plain
 * servlet) through the same group commit, with no verification, parsing, encryption or matching. The webhook
 * path is measured against it in the same run (docs/benchmarks.md).
 */
final class BenchBaseline extends HttpServlet {

    private record Raw(UUID id, Timestamp at, byte[] body) {
    }

    private final transient JdbcTemplate jdbc;
    private final transient TransactionTemplate tx;
    private final transient Clock clock;
    private final transient GroupCommitWriter<Raw> writer;

    BenchBaseline(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, int writers) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, received_at timestamptz NOT NULL, "
                + "body bytea NOT NULL)");
        this.writer = new GroupCommitWriter<>("bench-raw", 10_000, 500, writers, this::commit);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readNBytes(WebhookServlet.MAX_BODY_BYTES);
        try {
            writer.submit(new Raw(Ids.newId(clock), new Timestamp(clock.millis()), body)).get(10, TimeUnit.SECONDS);
            response.setStatus(200);
        } catch (ExecutionException | TimeoutException e) {
            response.setStatus(503);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.setStatus(503);
        }
        response.setContentLength(0);
    }

    private void commit(List<Raw> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        batch.forEach(r -> rows.add(new Object[] {r.id(), r.at(), r.body()}));
        tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO bench_raw (id, received_at, body) VALUES (?, ?, ?)",
                rows));
    }

    @Override
    public void destroy() {
        writer.close();
    }
}
