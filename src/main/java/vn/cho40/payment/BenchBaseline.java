package vn.cho40.payment;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.shared.Ids;

/**
 * The benchmark's baseline ({@code POST /bench/raw}, cho40.bench.baseline=true only, never in production): the
 * best durable ingest of the raw body alone on the same server, answered the same way as the webhooks (by Jetty,
 * in front of the servlet container) through the same group commit, with no verification, parsing, encryption or
 * matching. The webhook path is measured against it in the same run (docs/benchmarks.md).
 */
final class BenchBaseline extends Handler.Wrapper {

    private record Raw(UUID id, Timestamp at, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GroupCommitWriter<Raw> writer;

    BenchBaseline(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, int writers, Handler next) {
        super(next);
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, received_at timestamptz NOT NULL, "
                + "body bytea NOT NULL)");
        this.writer = new GroupCommitWriter<>("bench-raw", 10_000, 500, writers, this::commit);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"/bench/raw".equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(WebhookHandler.MAX_BODY_BYTES);
        }
        try {
            writer.submit(new Raw(Ids.newId(clock), new Timestamp(clock.millis()), body)).get(10, TimeUnit.SECONDS);
            response.setStatus(200);
        } catch (ExecutionException | TimeoutException e) {
            response.setStatus(503);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.setStatus(503);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        callback.succeeded();
        return true;
    }

    private void commit(List<Raw> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        batch.forEach(r -> rows.add(new Object[] {r.id(), r.at(), r.body()}));
        tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO bench_raw (id, received_at, body) VALUES (?, ?, ?)",
                rows));
    }

    @Override
    protected void doStop() throws Exception {
        writer.close();
        super.doStop();
    }
}
