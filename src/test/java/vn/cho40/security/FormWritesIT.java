package vn.cho40.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.TraderLogin;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.Permission;
import vn.cho40.identity.Role;
import vn.cho40.identity.SmsSender;
import vn.cho40.trader.Traders;

/**
 * The web forms get the test the API got in {@link TenancyIT}: every state-changing page handler under
 * /admin, /onboarding and /payments, posted with a valid body and a real session's CSRF token against Chợ Đại Từ
 * (TN-DAITU), by staff of another market of the province, of another province, and by every role of Đại Từ's
 * own scope that lacks the handler's permission. Each must be refused (403, 404, 422, or sent to the login page)
 * and the database must be unchanged afterwards.
 */
@IntegrationTest
class FormWritesIT {

    private static final String PASSWORD = DemoProvince.DEMO_PASSWORD;
    private static final String CSV_STALLS = "ma_quay,nganh_hang,dien_tich_m2\nFW-9,Cá,4\n";
    private static final String CSV_TRADERS = "ho_ten,so_cccd,ngay_sinh,so_dien_thoai,ma_quay,ngan_hang,so_tai_khoan\n"
            + "Lò Thị Mai,019190123456,01/01/1990,0977123456,FW-9,970405,1234567890\n";
    private static final String CSV_READINGS = "ma_quay,loai,ngay_doc,chi_so,xac_nhan\nA-1,điện,01/12/2026,999999,x\n";
    private static final String CSV_STATEMENT = "Số tài khoản,1004220193450\nNgày giao dịch,Số tham chiếu,Số tiền ghi có,"
            + "Số dư,Nội dung\n03/12/2026,FT26337990001,77000,1077000,C40RBVS2GEM banh\n";

    /** Everyone who must be refused whatever the form: they do not hold Đại Từ in their scope. */
    private static final List<String> OUTSIDE = List.of("bql.fw.du", "tinh.dienbien", "bql.bunglao");
    /** Đại Từ's own staff, with their roles: refused wherever the role lacks the form's permission. */
    private static final Map<String, Role> INSIDE = Map.of("tinh.thainguyen", Role.PROVINCE_ADMIN,
            "xa.daiphuc", Role.COMMUNE_OFFICER, "bql.daitu", Role.MARKET_MANAGER, "thungan.daitu", Role.MARKET_CASHIER,
            "tocongnghe.daiphuc", Role.TECH_MEMBER, "kiemtra.thainguyen", Role.AUDITOR);
    /** Tables that record reads, logins or requests, not business state. */
    private static final Set<String> LOGS = Set.of("audit_log", "one_time_code", "flyway_schema_history",
            "inbound_request", "spring_session", "spring_session_attributes",
            // written in the background by the e-invoice issuer, whatever the forms do
            "einvoice_request", "e_document", "einvoice_number");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient db;
    @Autowired
    DemoProvince demo;
    @Autowired
    Traders traders;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;
    @Autowired
    vn.cho40.privacy.FieldCipher cipher;

    /** A form: the permission its handler needs and a body that the right person would get accepted. */
    record Form(Permission needs, Map<String, String> fields, String upload) {
        static Form of(Permission needs, String... fields) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                map.put(fields[i], fields[i + 1]);
            }
            return new Form(needs, map, null);
        }

        static Form upload(Permission needs, String csv) {
            return new Form(needs, Map.of(), csv);
        }
    }

    private Map<String, Form> forms() {
        Map<String, Form> f = new TreeMap<>();
        f.put("POST /admin/markets", Form.of(Permission.MARKET_EDIT, "code", "FW-NEW", "name", "Chợ Thử Biểu Mẫu",
                "communeCode", "05488", "marketClass", "3", "operatorType", "BOARD"));
        f.put("POST /admin/markets/{code}", Form.of(Permission.MARKET_EDIT, "name", "Chợ Đại Từ Đổi Tên",
                "communeCode", "05488", "marketClass", "1", "operatorType", "BOARD"));
        f.put("POST /admin/markets/{code}/status", Form.of(Permission.MARKET_EDIT, "status", "LIVE"));
        f.put("POST /admin/markets/{code}/stalls", Form.of(Permission.STALL_EDIT, "code", "FW-1", "category", "Cá",
                "areaM2", "4"));
        f.put("POST /admin/markets/{code}/stalls/import", Form.upload(Permission.STALL_EDIT, CSV_STALLS));
        f.put("POST /admin/markets/{code}/stalls/import/confirm", Form.of(Permission.STALL_EDIT, "token", "t"));
        f.put("POST /admin/markets/{code}/traders/import", Form.upload(Permission.TRADER_EDIT, CSV_TRADERS));
        f.put("POST /admin/markets/{code}/traders/import/confirm", Form.of(Permission.TRADER_EDIT, "token", "t"));
        f.put("POST /admin/markets/{code}/signs", Form.of(Permission.STALL_EDIT, "size", "A5"));
        f.put("POST /admin/inspections", Form.of(Permission.STALL_EDIT, "market", "TN-DAITU"));
        f.put("POST /admin/inspections/{id}/checks", Form.of(Permission.STALL_EDIT, "stallCode", "A-1",
                "payload", "000201"));
        f.put("POST /admin/inspections/{id}/finish", Form.of(Permission.STALL_EDIT));
        f.put("POST /admin/traders/{id}/reveal", Form.of(Permission.PERSONAL_DATA_UNMASK));
        f.put("POST /admin/traders/{id}/account-requests/{requestId}/confirm", Form.of(Permission.TRADER_EDIT,
                "reason", "đã gọi điện xác minh"));
        f.put("POST /admin/traders/{id}/account-requests/{requestId}/refuse", Form.of(Permission.TRADER_EDIT,
                "reason", "không đúng tên chủ"));
        f.put("POST /admin/traders/{id}/leases", Form.of(Permission.TRADER_EDIT, "stallCode", "FW-L1",
                "startsOn", "2027-01-01"));
        f.put("POST /admin/traders/{id}/leases/{leaseId}/end", Form.of(Permission.TRADER_EDIT,
                "endsOn", "2027-12-31"));
        f.put("POST /admin/users", Form.of(Permission.USER_ADMIN, "username", "fw.thungan", "fullName", "Thu Ngân",
                "password", "Cho-sang-ban-3-ca!", "role", "MARKET_CASHIER", "scopeKind", "MARKET",
                "scopeCode", "TN-DAITU"));
        f.put("POST /onboarding", Form.of(Permission.TRADER_EDIT, "market", "TN-DAITU"));
        f.put("POST /onboarding/{id}/identity", Form.of(Permission.TRADER_EDIT, "fullName", "Lò Thị Mai",
                "idNumber", "019190123456", "birthDate", "1990-01-01", "phone", "0977123456", "consent", "on"));
        f.put("POST /onboarding/{id}/phone/send", Form.of(Permission.TRADER_EDIT));
        f.put("POST /onboarding/{id}/phone", Form.of(Permission.TRADER_EDIT, "code", "123456"));
        f.put("POST /onboarding/{id}/account", Form.of(Permission.TRADER_EDIT, "bin", "970405",
                "accountNo", "1234567890", "holderName", "LO THI MAI"));
        f.put("POST /onboarding/{id}/stall", Form.of(Permission.TRADER_EDIT, "stallCode", "A-1"));
        f.put("POST /onboarding/{id}/confirm", Form.of(Permission.TRADER_EDIT));
        f.put("POST /onboarding/{id}/stall/skip", Form.of(Permission.TRADER_EDIT));
        f.put("POST /admin/accounts/review/{id}", Form.of(Permission.TRADER_EDIT, "decision", "approve",
                "note", "đã xem sổ tài khoản"));
        f.put("POST /payments/warnings/{id}/close", Form.of(Permission.PAYMENT_RECONCILE,
                "note", "đã kiểm tra biển"));
        f.put("POST /payments/exceptions/{id}/assign", Form.of(Permission.PAYMENT_RECONCILE, "stall", "A-1",
                "note", "chị Hoa xác nhận"));
        f.put("POST /payments/exceptions/{id}/assign-code", Form.of(Permission.PAYMENT_RECONCILE,
                "code", "C40ABCDEFGH", "note", "tiền điện tháng 11"));
        f.put("POST /payments/exceptions/{id}/not-ours", Form.of(Permission.PAYMENT_RECONCILE,
                "reason", "không phải của chợ"));
        f.put("POST /payments/matched/{id}/undo", Form.of(Permission.PAYMENT_RECONCILE, "market", "TN-DAITU",
                "note", "ghi nhầm quầy"));
        f.put("POST /payments/statements", Form.upload(Permission.PAYMENT_RECONCILE, CSV_STATEMENT));
        f.put("POST /payments/statements/confirm", Form.of(Permission.PAYMENT_RECONCILE, "token", "t"));
        f.put("POST /admin/markets/{code}/meters", Form.of(Permission.METER_EDIT, "stallCode", "A-2", "kind", "WATER",
                "serial", "FW-W-1", "initialReading", "0"));
        f.put("POST /admin/markets/{code}/meters/replace", Form.of(Permission.METER_EDIT, "stallCode", "A-1",
                "kind", "ELECTRICITY", "finalReading", "999999", "newSerial", "FW-E-1", "initialReading", "0"));
        f.put("POST /admin/markets/{code}/readings", Form.of(Permission.METER_READ, "stallCode", "A-1",
                "kind", "ELECTRICITY", "value", "999999", "confirmValue", "999999"));
        f.put("POST /admin/markets/{code}/readings/import", Form.upload(Permission.METER_READ, CSV_READINGS));
        f.put("POST /admin/markets/{code}/readings/import/confirm", Form.of(Permission.METER_READ, "token", "t"));
        return f;
    }

    /** Every state-changing handler of the staff pages, as "METHOD pattern". */
    private Set<String> stateChangingPages() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin") && !pattern.startsWith("/onboarding")
                        && !pattern.startsWith("/payments")) {
                    continue;
                }
                for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                    if (m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.DELETE
                            || m == RequestMethod.PATCH) {
                        found.add(m + " " + pattern);
                    }
                }
            }
        });
        return found;
    }

    @Test
    void everyFormRefusesOtherMarketsOtherProvincesAndLesserRolesAndChangesNothing() throws Exception {
        Map<String, Form> forms = forms();
        assertThat(forms.keySet()).as("every state-changing page handler has a body and a permission here")
                .containsExactlyInAnyOrderElementsOf(stateChangingPages());
        Map<String, String> ids = victims();
        Map<String, String> before = fingerprint();

        List<String> served = new ArrayList<>();
        List<String> attackers = new ArrayList<>(OUTSIDE);
        attackers.addAll(INSIDE.keySet());
        for (String user : attackers) {
            WebSession session = new WebSession(port, user, PASSWORD);
            for (Map.Entry<String, Form> e : forms.entrySet()) {
                Role role = INSIDE.get(user);
                if (role != null && role.may(e.getValue().needs())) {
                    continue; // allowed to do this in Đại Từ: not an attack
                }
                Http.Response r = post(session, e.getKey().substring(5), e.getValue(), ids);
                boolean refused = r.status() == 403 || r.status() == 404 || r.status() == 422
                        || (r.status() == 302 && r.location() != null && r.location().startsWith("/login"));
                if (!refused) {
                    served.add(user + " " + e.getKey() + " -> " + r.status() + " " + r.location());
                }
            }
        }
        assertThat(served).as("forms served to someone who may not use them").isEmpty();
        Map<String, String> after = fingerprint();
        List<String> changed = before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
        assertThat(changed).as("tables changed by refused forms").isEmpty();

        // The same bodies and tokens work for those allowed: the refusals above are about scope and role.
        WebSession board = new WebSession(port, "bql.daitu", PASSWORD);
        assertThat(post(board, "/admin/markets/{code}/stalls", forms.get("POST /admin/markets/{code}/stalls"), ids)
                .status()).isEqualTo(302);
        assertThat(fingerprint().get("stall")).isNotEqualTo(after.get("stall"));
    }

    private Http.Response post(WebSession session, String pattern, Form form, Map<String, String> ids) {
        // {id} names a different thing under each prefix.
        String id = pattern.startsWith("/admin/traders") ? ids.get("trader")
                : pattern.startsWith("/onboarding") ? ids.get("onboarding")
                : pattern.startsWith("/admin/inspections") ? ids.get("round")
                : pattern.startsWith("/admin/accounts") ? ids.get("pendingAccount")
                : pattern.startsWith("/payments/warnings") ? ids.get("warning")
                : pattern.startsWith("/payments/matched") ? ids.get("matched") : ids.get("exception");
        String path = pattern.replace("{code}", "TN-DAITU").replace("{id}", id)
                .replace("{requestId}", ids.get("request")).replace("{leaseId}", ids.get("lease"));
        assertThat(path).as("every path variable has a value").doesNotContain("{");
        if (form.upload() != null) {
            String withMarket = path.startsWith("/payments/statements") ? path + "?market=TN-DAITU" : path;
            return session.upload(withMarket, "x.csv", form.upload().getBytes(StandardCharsets.UTF_8), "/");
        }
        return session.postForm(path, form.fields(), "/");
    }

    /** Real things of Đại Từ for each path variable, made by its own board where needed. */
    private Map<String, String> victims() throws Exception {
        Http admin = new Http(port).asAdmin();
        Http.Response du = admin.postJson("/api/v1/users", Map.of("username", "bql.fw.du", "fullName",
                "Ban quản lý Chợ Đu", "password", PASSWORD, "role", "MARKET_MANAGER", "scopeKind", "MARKET",
                "scopeCode", "TN-DU"));
        assertThat(du.status()).as(du.body()).isIn(201, 422);

        String phone = demo.demoTraderPhone();
        UUID trader = traders.findByPhone(phone).orElseThrow().id();
        WebSession app = TraderLogin.session(port, phone, sms, clock);
        app.postForm("/trader/accounts", Map.of("bin", "970418", "accountNo", "5566778899"), "/trader/accounts");
        String request = db.sql("""
                SELECT id::text FROM receiving_account_request WHERE trader_id = ? AND status = 'PENDING'
                ORDER BY requested_at DESC LIMIT 1""").param(trader).query(String.class).single();

        WebSession board = new WebSession(port, "bql.daitu", PASSWORD);
        String onboarding = board.postForm("/onboarding", Map.of("market", "TN-DAITU"), "/onboarding").location()
                .replace("/onboarding/", "");
        String round = board.postForm("/admin/inspections", Map.of("market", "TN-DAITU"), "/admin/inspections")
                .location().replace("/admin/inspections/", "");
        // A free stall the trader could be given, and the trader's open lease that could be ended.
        assertThat(new Http(port).as("bql.daitu", PASSWORD).postJson("/api/v1/markets/TN-DAITU/stalls",
                Map.of("code", "FW-L1", "category", "Cá", "areaM2", "4")).status()).isIn(201, 422);
        String lease = db.sql("SELECT id::text FROM lease WHERE trader_id = ? AND ends_on IS NULL LIMIT 1")
                .param(trader).query(String.class).single();
        return Map.ofEntries(Map.entry("request", request), Map.entry("trader", trader.toString()),
                Map.entry("onboarding", onboarding), Map.entry("round", round), Map.entry("lease", lease),
                Map.entry("exception", exceptionOfDaiTu()), Map.entry("pendingAccount", pendingAccountOfDaiTu(trader)),
                Map.entry("warning", warningOfDaiTu()), Map.entry("matched", matchedOfDaiTu()));
    }

    /** A payment credited to a Đại Từ trader (by a payOS webhook): what a board could undo. */
    private String matchedOfDaiTu() throws Exception {
        byte[] enc = db.sql("""
                SELECT a.account_enc FROM stall_default_account d JOIN receiving_account a ON a.id = d.account_id
                JOIN stall s ON s.id = d.stall_id JOIN market m ON m.id = s.market_id
                WHERE m.code = 'TN-DAITU' AND s.code = 'A-5'""").query(byte[].class).single();
        long id = Math.abs(System.nanoTime() % 1_000_000_000L);
        vn.cho40.payment.WebhookSigner.Signed signed = vn.cho40.payment.WebhookSigner.payOs(
                new vn.cho40.payment.WebhookSigner.Transfer(id, "FW-M-" + id, cipher.decrypt("account", enc), 21_000,
                        true, java.time.Instant.now(), "mua rau"),
                "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + signed.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(b::header);
        assertThat(HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            var matched = db.sql("SELECT id::text FROM payment_event WHERE bank_reference = ? AND status = 'MATCHED'")
                    .param("FW-M-" + id).query(String.class).optional();
            if (matched.isPresent()) {
                return matched.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the payment was not credited");
    }

    /** A number of another Đại Từ trader registered a second time: it waits for the board's review. */
    private String pendingAccountOfDaiTu(UUID trader) {
        String[] taken = db.sql("""
                SELECT a.account_enc, a.bin FROM receiving_account a JOIN market m ON m.id = a.market_id
                WHERE m.code = 'TN-DAITU' AND a.kind = 'BANK' AND a.trader_id <> ? LIMIT 1""").param(trader)
                .query((rs, n) -> new String[] {cipher.decrypt("account", rs.getBytes(1)), rs.getString(2)}).single();
        Http.Response added = new Http(port).as("bql.daitu", PASSWORD).postJson("/api/v1/traders/" + trader
                + "/accounts", Map.of("kind", "BANK", "bin", "970403".equals(taken[1]) ? "970405" : "970403",
                "accountNo", taken[0]));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("reviewStatus").asString()).isEqualTo("PENDING_REVIEW");
        return added.json().get("id").asString();
    }

    /** A Đại Từ stall's payment code paid into an account nobody registered: a warning for Đại Từ's board. */
    private String warningOfDaiTu() throws Exception {
        assertThat(new Http(port).as("bql.daitu", PASSWORD).postJson("/api/v1/markets/TN-DAITU/stalls/A-3/qr",
                Map.of("amount", 33_000)).status()).isEqualTo(201);
        String code = db.sql("""
                SELECT q.reference FROM stall_qr_code q JOIN stall s ON s.id = q.stall_id JOIN market m
                ON m.id = s.market_id WHERE m.code = 'TN-DAITU' AND s.code = 'A-3' AND q.kind = 'DYNAMIC'
                ORDER BY q.created_at DESC LIMIT 1""").query(String.class).single();
        String reference = "FW-W-" + System.nanoTime();
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"\","
                + "\"transactionDate\":\"2026-11-23 07:30:00\",\"accountNumber\":\"55550000999\",\"code\":null,"
                + "\"content\":\"" + code + "\",\"transferType\":\"in\",\"transferAmount\":33000,"
                + "\"accumulated\":0,\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/webhooks/sepay"))
                .header("Content-Type", "application/json").header("Authorization", "Apikey k-123")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            var id = db.sql("""
                    SELECT w.id::text FROM payment_warning w JOIN payment_event e ON e.id = w.payment_event_id
                    WHERE e.bank_reference = ?""").param(reference).query(String.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no warning for the look-alike payment");
    }

    /** A payment to an unknown account through Đại Từ's own provider account: an exception in its queue. */
    private String exceptionOfDaiTu() throws Exception {
        String reference = "FW-" + System.nanoTime();
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"Agribank\","
                + "\"transactionDate\":\"2026-11-23 07:30:00\",\"accountNumber\":\"55550000111\",\"code\":null,"
                + "\"content\":\"ck\",\"transferType\":\"in\",\"transferAmount\":12000,\"accumulated\":0,"
                + "\"subAccount\":null,\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/webhooks/sepay/TN-DAITU"))
                .header("Content-Type", "application/json").header("Authorization", "Apikey daitu-own-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            var id = db.sql("SELECT id::text FROM payment_event WHERE bank_reference = ? AND status = 'EXCEPTION'")
                    .param(reference).query(String.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the payment did not reach the exceptions queue");
    }

    private Map<String, String> fingerprint() {
        Map<String, String> prints = new TreeMap<>();
        for (String table : db.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""").query(String.class).list()) {
            if (!LOGS.contains(table)) {
                prints.put(table, db.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY "
                        + "t::text)), '') FROM \"" + table + "\" t").query(String.class).single());
            }
        }
        return prints;
    }
}
