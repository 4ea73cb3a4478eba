package vn.cho40.einvoice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * An e-invoice provider inside the test, answering as its documentation says: Viettel SInvoice's login, createInvoice
 * and searchInvoiceByTransactionUuid, MISA meInvoice's auth/token, invoicepublishing and invoicestatus, with their
 * error answers. It keeps the invoices it made by idempotency key, so a test can count them; {@link #failNext} makes
 * the next create answer a 5xx, after making the invoice or without.
 */
final class FakeProvider implements AutoCloseable {

    static final String USER = "0100112437-ws";
    static final String PASSWORD = "mat-khau-nha-cung-cap";
    static final String APP_ID = "app-cho40";

    final Map<String, String> invoices = new LinkedHashMap<>();
    final AtomicInteger creates = new AtomicInteger();
    /** Statuses to answer the next creates with instead of working: 500 after creating, 503 before. */
    final Deque<Integer> failNext = new ArrayDeque<>();
    volatile String lastBody = "";
    /** The tax authority's answers by key, once a test gives them: its code, or its refusal's reason. */
    final Map<String, String> authorityCodes = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, String> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpServer server;

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/auth/login", this::viettelLogin);
        server.createContext(ViettelSInvoice.API + "createInvoice/", this::viettelCreate);
        server.createContext(ViettelSInvoice.API + "searchInvoiceByTransactionUuid", this::viettelSearch);
        server.createContext("/auth/token", this::misaToken);
        server.createContext("/code/itg/invoicepublishing", this::misaPublish);
        server.createContext("/code/itg/invoicepublished/invoicestatus", this::misaStatus);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void viettelLogin(HttpExchange x) throws IOException {
        JsonNode body = json(x);
        if (USER.equals(body.path("username").asString()) && PASSWORD.equals(body.path("password").asString())) {
            answer(x, 200, "{\"access_token\":\"tok-viettel\",\"token_type\":\"bearer\",\"expires_in\":599}");
        } else {
            answer(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad credentials\"}");
        }
    }

    private void viettelCreate(HttpExchange x) throws IOException {
        if (!String.valueOf(x.getRequestHeaders().getFirst("Cookie")).contains("access_token=tok-viettel")) {
            answer(x, 401, "{\"errorCode\":\"UNAUTHORIZED\",\"description\":\"Chưa đăng nhập\"}");
            return;
        }
        String raw = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastBody = raw;
        JsonNode general = ProviderHttp.JSON.readTree(raw).path("generalInvoiceInfo");
        creates.incrementAndGet();
        if (!general.path("templateCode").asString().equals("1/770")) {
            answer(x, 200, "{\"errorCode\":\"TEMPLATE_NOT_FOUND\",\"description\":\"Mẫu hóa đơn không tồn tại\","
                    + "\"result\":null}");
            return;
        }
        Integer fail = failNext.poll();
        if (fail != null && fail == 503) {
            answer(x, 503, "<html>Service Unavailable</html>");
            return;
        }
        String key = general.path("transactionUuid").asString();
        // Viettel answers a transactionUuid it has seen with the invoice it made then.
        String number = invoices.computeIfAbsent(key, k -> general.path("invoiceSeries").asString() + (invoices.size() + 1));
        if (fail != null) {
            answer(x, fail, "{\"status\":" + fail + ",\"error\":\"Internal Server Error\"}");
            return;
        }
        answer(x, 200, "{\"errorCode\":null,\"description\":null,\"result\":{\"supplierTaxCode\":\"0100112437\","
                + "\"invoiceNo\":\"" + number + "\",\"transactionID\":\"T-" + key + "\",\"reservationCode\":\"R-"
                + number + "\"}}");
    }

    private void viettelSearch(HttpExchange x) throws IOException {
        Map<String, String> form = form(x);
        String key = form.get("transactionUuid");
        String number = invoices.get(key);
        // Viettel adds the exchange with the authority once there is one (its guide §7.21).
        String exchange = authorityCodes.containsKey(key) ? ",\"exchangeStatus\":\"Mã CQT cấp: " + authorityCodes.get(key)
                + "\",\"exchangeDes\":null,\"codeOfTax\":\"" + authorityCodes.get(key) + "\""
                : refusals.containsKey(key) ? ",\"exchangeStatus\":\"CQT không cấp mã\",\"exchangeDes\":\""
                + refusals.get(key) + "\",\"codeOfTax\":null" : "";
        answer(x, 200, number == null ? "{\"errorCode\":null,\"description\":null,\"result\":[]}"
                : "{\"errorCode\":null,\"description\":null,\"result\":[{\"invoiceNo\":\"" + number
                + "\",\"reservationCode\":\"R-" + number + "\",\"transactionUuid\":\"" + key + "\"" + exchange + "}]}");
    }

    private void misaToken(HttpExchange x) throws IOException {
        JsonNode body = json(x);
        if (!APP_ID.equals(body.path("appid").asString())) {
            answer(x, 200, "{\"Success\":false,\"ErrorCode\":\"InvalidAppID\",\"Errors\":[],\"Data\":null}");
        } else if (!PASSWORD.equals(body.path("password").asString())) {
            answer(x, 200, "{\"Success\":false,\"ErrorCode\":\"InvalidUserNameOrPassword\",\"Errors\":[],\"Data\":null}");
        } else {
            answer(x, 200, "{\"Success\":true,\"ErrorCode\":null,\"Errors\":[],\"Data\":\"tok-misa\"}");
        }
    }

    private void misaPublish(HttpExchange x) throws IOException {
        if (!"Bearer tok-misa".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            answer(x, 200, "{\"Success\":false,\"ErrorCode\":\"InvalidTokenCode\",\"Errors\":[],\"Data\":null}");
            return;
        }
        String raw = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastBody = raw;
        JsonNode inv = ProviderHttp.JSON.readTree(raw).path("InvoiceData").get(0);
        creates.incrementAndGet();
        String buyerTax = inv.path("BuyerTaxCode").asString("");
        if (!buyerTax.isEmpty() && !TaxCode.isValid(buyerTax)) {
            answer(x, 200, "{\"Success\":false,\"ErrorCode\":\"InvalidInvoiceData\",\"Errors\":[\"Mã số thuế người "
                    + "mua không hợp lệ\"],\"Data\":null}");
            return;
        }
        Integer fail = failNext.poll();
        if (fail != null && fail == 503) {
            answer(x, 503, "");
            return;
        }
        String key = inv.path("RefID").asString();
        if (invoices.containsKey(key)) {
            answer(x, 200, "{\"Success\":true,\"ErrorCode\":null,\"Errors\":[],\"Data\":\"[{\\\"RefID\\\":\\\"" + key
                    + "\\\",\\\"ErrorCode\\\":\\\"DuplicateInvoiceRefID\\\"}]\"}");
            return;
        }
        String number = String.format("%08d", invoices.size() + 1);
        invoices.put(key, number);
        if (fail != null) {
            answer(x, fail, "");
            return;
        }
        answer(x, 200, misaResult(key, number));
    }

    private void misaStatus(HttpExchange x) throws IOException {
        JsonNode keys = json(x);
        String key = keys.isArray() && !keys.isEmpty() ? keys.get(0).asString() : "";
        String number = invoices.get(key);
        answer(x, 200, number == null ? "{\"Success\":true,\"ErrorCode\":null,\"Errors\":[],\"Data\":\"[]\"}"
                : misaResult(key, number));
    }

    private String misaResult(String key, String number) {
        // SendTaxStatus: 1 sending, 2 coded (InvoiceCode), 3 refused.
        String tax = authorityCodes.containsKey(key) ? ",\\\"SendTaxStatus\\\":2,\\\"InvoiceCode\\\":\\\""
                + authorityCodes.get(key) + "\\\"" : refusals.containsKey(key)
                ? ",\\\"SendTaxStatus\\\":3,\\\"ErrorCode\\\":\\\"" + refusals.get(key) + "\\\""
                : ",\\\"SendTaxStatus\\\":1,\\\"ErrorCode\\\":null";
        return "{\"Success\":true,\"ErrorCode\":null,\"Errors\":[],\"Data\":\"[{\\\"RefID\\\":\\\"" + key
                + "\\\",\\\"TransactionID\\\":\\\"M-" + number + "\\\",\\\"InvNo\\\":\\\"" + number
                + "\\\"" + tax + "}]\"}";
    }

    private static JsonNode json(HttpExchange x) throws IOException {
        return ProviderHttp.JSON.readTree(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(HttpExchange x) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
