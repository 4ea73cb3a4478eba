package vn.cho40.trader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.demo.DemoProvince;

@IntegrationTest
class TraderApiIT {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    DemoProvince demo;
    @org.springframework.beans.factory.annotation.Autowired
    Traders traders;
    @org.springframework.beans.factory.annotation.Autowired
    StallAccounts stallAccounts;
    @org.springframework.beans.factory.annotation.Autowired
    vn.cho40.identity.SmsSender sms;
    @org.springframework.beans.factory.annotation.Autowired
    vn.cho40.TestClock clock;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    private Http board() {
        return new Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD);
    }

    private static Map<String, Object> trader(String cccd, String phone) {
        Map<String, Object> t = new HashMap<>();
        t.put("marketCode", "TN-DAITU");
        t.put("fullName", "Lò Văn Pọm");
        t.put("idNumber", cccd);
        t.put("birthDate", "1975-02-01");
        t.put("phone", phone);
        t.put("consent", true);
        return t;
    }

    private static List<String> fields(Http.Response r) {
        return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void everyIdentityProblemIsNamedInOneAnswer() {
        Map<String, Object> bad = trader("019285001234", "0241234567");
        bad.put("consent", false);
        bad.put("taxCode", "12");
        Http.Response r = board().postJson("/api/v1/traders", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r)).containsExactly("idNumber", "phone", "taxCode", "consent");
        assertThat(r.json().get("detail").asString())
                .contains("Số CCCD ứng với năm sinh 2085, nhưng ngày sinh là năm 1975")
                .contains("Cần tiểu thương đồng ý");
    }

    @Test
    void aCccdOrPhoneIsRegisteredOnceAndACmndIsFlagged() {
        Http.Response first = board().postJson("/api/v1/traders", trader("019075111222", "0977111222"));
        assertThat(first.status()).isEqualTo(201);
        Http.Response again = board().postJson("/api/v1/traders", trader("019075111222", "0977111222"));
        assertThat(fields(again)).containsExactly("idNumber", "phone");
        Http.Response cmnd = board().postJson("/api/v1/traders", trader("090111222", "0977111333"));
        assertThat(cmnd.status()).isEqualTo(201);
        assertThat(cmnd.json().get("legacyId").asBoolean()).isTrue();
        assertThat(cmnd.json().get("idKind").asString()).isEqualTo("CMND");
    }

    @Test
    void anotherNameOnTheAccountNeedsAStaffReasonAndAWalletUsesThePhone() {
        String id = board().postJson("/api/v1/traders", trader("019075333444", "0977333444")).json().get("id")
                .asString();
        Http.Response mismatch = board().postJson("/api/v1/traders/" + id + "/accounts",
                Map.of("bin", "970415", "accountNo", "101234567890", "holderName", "LO THI XUAN"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("detail").asString()).contains("LO THI XUAN", "LO VAN POM");
        Http.Response confirmed = board().postJson("/api/v1/traders/" + id + "/accounts",
                Map.of("bin", "970415", "accountNo", "101234567890", "holderName", "LO THI XUAN",
                        "confirmReason", "Tài khoản của vợ, cùng bán quầy"));
        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(confirmed.json().get("confirmedBy").asString()).isEqualTo("bql.daitu");

        Http.Response wallet = board().postJson("/api/v1/traders/" + id + "/accounts", Map.of("bin", "971005"));
        assertThat(wallet.status()).isEqualTo(201);
        assertThat(wallet.json().get("kind").asString()).isEqualTo("WALLET");
        assertThat(wallet.json().get("accountNumber").asString()).isEqualTo("•••• 3444");
        assertThat(wallet.json().get("holderName").asString()).isEqualTo("LO VAN POM");
    }

    @Test
    void aStallIsLeasedToOneTraderAtATime() {
        Http admin = new Http(port).asAdmin();
        admin.postJson("/api/v1/markets", Map.of("code", "LEASE-T", "name", "Chợ thuê quầy", "communeCode", "05488",
                "marketClass", 3, "operatorType", "BOARD"));
        admin.postJson("/api/v1/markets/LEASE-T/stalls", Map.of("code", "A-1", "category", "Cá", "areaM2", "4"));
        Map<String, Object> t1 = trader("019075555666", "0977555666");
        t1.put("marketCode", "LEASE-T");
        String one = admin.postJson("/api/v1/traders", t1).json().get("id").asString();
        Map<String, Object> t2 = trader("019075555777", "0977555777");
        t2.put("marketCode", "LEASE-T");
        String two = admin.postJson("/api/v1/traders", t2).json().get("id").asString();
        Map<String, Object> lease = Map.of("marketCode", "LEASE-T", "stallCode", "a-1");
        assertThat(admin.postJson("/api/v1/traders/" + one + "/leases", lease).status()).isEqualTo(201);
        Http.Response taken = admin.postJson("/api/v1/traders/" + two + "/leases", lease);
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().get("detail").asString()).contains("Quầy A-1 đang có người thuê");
        tools.jackson.databind.JsonNode held = admin.get("/api/v1/traders/" + one + "/leases").json().get(0);
        assertThat(held.get("stallCode").asString()).isEqualTo("A-1");

        String leaseId = held.get("id").asString();
        Http.Response early = admin.postJson("/api/v1/traders/" + one + "/leases/" + leaseId + "/end",
                Map.of("endsOn", "2000-01-01"));
        assertThat(early.json().get("detail").asString()).contains("không được trước ngày bắt đầu");
        assertThat(admin.postJson("/api/v1/traders/" + one + "/leases/" + leaseId + "/end", Map.of()).status())
                .isEqualTo(200);
        Http.Response sameDay = admin.postJson("/api/v1/traders/" + two + "/leases", lease);
        assertThat(sameDay.status()).as("the ended lease holds its last day").isEqualTo(422);
        assertThat(sameDay.json().get("detail").asString()).contains("Quầy A-1 có người thuê đến hết ngày");
        java.time.LocalDate tomorrow = vn.cho40.shared.VnFormats.businessDate(clock.instant()).plusDays(1);
        assertThat(admin.postJson("/api/v1/traders/" + two + "/leases", Map.of("marketCode", "LEASE-T", "stallCode",
                "A-1", "startsOn", tomorrow.toString())).status()).as("a freed stall can be leased again")
                .isEqualTo(201);
    }

    @Test
    void tradersImportAllOrNothingWithEveryBadLine() {
        Http admin = new Http(port).asAdmin();
        admin.postJson("/api/v1/markets", Map.of("code", "IMP-T", "name", "Chợ nhập tiểu thương",
                "communeCode", "05488", "marketClass", 3, "operatorType", "BOARD"));
        admin.upload("/api/v1/markets/IMP-T/stalls/import", "q.csv",
                "ma_quay,nganh_hang,dien_tich_m2\nA-1,Cá,4\nA-2,Thịt,5\nA-3,Rau củ,3\n".getBytes(StandardCharsets.UTF_8));
        String header = "ho_ten,cccd,ngay_sinh,dien_thoai,ma_quay,ngan_hang,so_tai_khoan,chu_tai_khoan,dong_y\n";
        String bad = header
                + "Hà Thị Mơ,019180222333,03/04/1980,0966222333,A-1,ViettelMoney,,,có\n"
                + "Hà Văn Tư,019080222444,1980-13-01,0966222444,A-2,970405,12,,có\n"
                + "Hà Thị Mơ,019180222333,03/04/1980,0966222333,A-9,VNPTMoney,,,\n";
        Http.Response refused = admin.upload("/api/v1/markets/IMP-T/traders/import", "tt.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).contains("line 3: birthDate", "line 3: accountNo", "line 4: idNumber",
                "line 4: phone", "line 4: stallCode", "line 4: consent");
        assertThat(admin.get("/api/v1/traders?q=" + Http.q("ha thi mo")).json().size()).isZero();

        String good = header
                + "Hà Thị Mơ,019180222333,03/04/1980,0966222333,A-1,ViettelMoney,,,có\n"
                + "Hà Văn Tư,019080222444,01/12/1980,0966222444,A-2,Agribank,1234567890123,HA VAN TU,x\n";
        Http.Response saved = admin.upload("/api/v1/markets/IMP-T/traders/import", "tt.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("traders").asInt()).isEqualTo(2);
        String mo = admin.get("/api/v1/traders?q=" + Http.q("ha thi mo")).json().get(0).get("id").asString();
        assertThat(admin.get("/api/v1/traders/" + mo + "/leases").json().get(0).get("stallCode").asString())
                .isEqualTo("A-1");
        assertThat(admin.get("/api/v1/traders/" + mo + "/accounts").json().get(0).get("kind").asString())
                .isEqualTo("WALLET");
    }

    /**
     * Security review part 1 #2, part 2 #4: a trader's session added an account in another person's name
     * through the staff API, confirmed the mismatch itself, and revealed its own numbers.
     */
    @Test
    void aTraderOnlyAsksForAnAccountAndTheBoardDecides() {
        String phone = demo.demoTraderPhone();
        java.util.UUID me = traders.findByPhone(phone).orElseThrow().id();
        vn.cho40.WebSession app = vn.cho40.TraderLogin.session(port, phone, sms, clock);
        int accountsBefore = traders.accounts(me).size();
        app.get("/trader"); // the page's CSRF token, which its script would send: the refusals below are the role's
        String account = "{\"kind\":\"BANK\",\"bin\":\"970415\",\"accountNo\":\"9876543210123\","
                + "\"holderName\":\"NGUYEN VAN KHAC\",\"confirmReason\":\"tài khoản của vợ\"}";
        assertThat(app.postJson("/api/v1/traders/" + me + "/accounts", account).status()).isEqualTo(403);
        Http.Response reveal = app.postJson("/api/v1/traders/" + me + "/reveal", "{}");
        assertThat(reveal.status()).isEqualTo(403);
        assertThat(reveal.body()).as("refused for the role, past the CSRF check").contains("Không có quyền");
        assertThat(app.get("/api/v1/traders/" + me).status()).isEqualTo(403);
        assertThat(app.get("/api/v1/traders/" + me + "/accounts").status()).isEqualTo(403);
        assertThat(app.postJson("/api/v1/traders/" + me + "/default-account", "{}").status()).isEqualTo(403);

        assertThat(app.get("/trader/accounts").body()).contains("Thêm tài khoản nhận tiền", "VietinBank");
        Http.Response asked = app.postForm("/trader/accounts", Map.of("bin", "970415", "accountNo", "9876 5432 10123",
                "holderName", "Nguyễn Văn Khắc", "note", "tài khoản của chồng"), "/trader/accounts");
        assertThat(asked.status()).as(asked.body()).isEqualTo(302);
        assertThat(app.get("/trader/accounts").body()).contains("Chờ ban quản lý xác nhận", "•••• 0123");
        assertThat(app.postForm("/trader/accounts", Map.of("bin", "970415", "accountNo", "9876543210123"),
                "/trader/accounts").body()).as("asked once").contains("đang chờ xác nhận");
        assertThat(traders.accounts(me)).as("a request is not an account").hasSize(accountsBefore);
        assertThat(stallAccounts.ownerOf("9876543210123")).as("no payment is matched to it").isEmpty();

        String requestId = db.sql("SELECT id::text FROM receiving_account_request WHERE trader_id = ? AND status = 'PENDING'")
                .param(me).query(String.class).single();
        String confirm = "/admin/traders/" + me + "/account-requests/" + requestId + "/confirm";
        vn.cho40.WebSession cashier = new vn.cho40.WebSession(port, "thungan.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(cashier.postForm(confirm, Map.of("reason", "đã gọi xác minh"), "/admin/traders/" + me).status())
                .isEqualTo(403);
        vn.cho40.WebSession foreign = new vn.cho40.WebSession(port, "bql.bunglao", DemoProvince.DEMO_PASSWORD);
        assertThat(foreign.postForm(confirm, Map.of("reason", "đã gọi xác minh"), "/admin/traders").status())
                .isEqualTo(404);
        vn.cho40.WebSession manager = new vn.cho40.WebSession(port, "bql.daitu", DemoProvince.DEMO_PASSWORD);
        assertThat(manager.get("/admin/traders/" + me).body()).contains("Yêu cầu thêm tài khoản đang chờ xác nhận",
                "NGUYEN VAN KHAC", "tài khoản của chồng");
        assertThat(manager.postForm(confirm, Map.of(), "/admin/traders/" + me).body())
                .as("a different holder needs the board's reason").contains("khác tên tiểu thương");
        assertThat(traders.accounts(me)).hasSize(accountsBefore);

        Http.Response confirmed = manager.postForm(confirm, Map.of("reason", "đã gọi điện xác minh với chồng"),
                "/admin/traders/" + me);
        assertThat(confirmed.status()).isEqualTo(302);
        ReceivingAccount added = traders.accounts(me).getLast();
        assertThat(traders.accounts(me)).hasSize(accountsBefore + 1);
        assertThat(added.confirmedBy()).isEqualTo("bql.daitu");
        assertThat(added.holderName()).isEqualTo("NGUYEN VAN KHAC");
        assertThat(stallAccounts.ownerOf("9876543210123")).map(StallAccounts.Owner::traderId).contains(me);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'ACCOUNT_REQUEST_CONFIRM'")
                .query(Long.class).single()).isPositive();
        assertThat(manager.postForm(confirm, Map.of("reason", "lần hai"), "/admin/traders/" + me).status())
                .as("decided once").isEqualTo(404);

        app.postForm("/trader/accounts", Map.of("bin", "970436", "accountNo", "0011223344"), "/trader/accounts");
        String second = db.sql("SELECT id::text FROM receiving_account_request WHERE trader_id = ? AND status = 'PENDING'")
                .param(me).query(String.class).single();
        String refuse = "/admin/traders/" + me + "/account-requests/" + second + "/refuse";
        assertThat(manager.postForm(refuse, Map.of("reason", "x"), "/admin/traders/" + me).body())
                .contains("Hãy ghi lý do từ chối");
        assertThat(manager.postForm(refuse, Map.of("reason", "Số tài khoản không đúng tên bà"),
                "/admin/traders/" + me).status()).isEqualTo(302);
        assertThat(app.get("/trader/accounts").body()).contains("Bị từ chối", "Số tài khoản không đúng tên bà");
        assertThat(traders.accounts(me)).hasSize(accountsBefore + 1);
    }
}
