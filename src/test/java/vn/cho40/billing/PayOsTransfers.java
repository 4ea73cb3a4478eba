package vn.cho40.billing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.payment.MatchAll;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.payment.WebhookSigner;

/** Test helper: transfers into an account as payOS reports them (signed webhooks), each matched before it returns. */
final class PayOsTransfers {

    /** The demo's payOS checksum key (the demo configures it; a test server has no other). */
    static final String KEY = "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675";

    private final int port;
    private final PaymentMatcher matcher;
    private final JdbcClient db;
    private final AtomicLong orders;

    /** {@code firstOrder}: where this test's payOS order numbers start, apart from other tests'. */
    PayOsTransfers(int port, PaymentMatcher matcher, JdbcClient db, long firstOrder) {
        this.port = port;
        this.matcher = matcher;
        this.db = db;
        this.orders = new AtomicLong(firstOrder);
    }

    /** A new transfer of {@code amount} into {@code account} with {@code text}; the webhook's HTTP status. */
    int pay(String account, long amount, String text) throws Exception {
        long id = orders.incrementAndGet();
        return send(sign(id, "FT-PAYOS-" + id, account, amount, text));
    }

    WebhookSigner.Signed sign(long order, String reference, String account, long amount, String text) {
        return WebhookSigner.payOs(new WebhookSigner.Transfer(order, reference, account, amount, true, Instant.now(),
                text), KEY);
    }

    long nextOrder() {
        return orders.incrementAndGet();
    }

    /** Delivers a signed webhook (again, for a duplicate) and waits until it is matched. */
    int send(WebhookSigner.Signed s) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + s.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(s.body()));
        s.headers().forEach(b::header);
        int status = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        MatchAll.now(matcher, db);
        return status;
    }
}
