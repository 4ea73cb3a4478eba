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
        assertThat(admin.postJson("/api/v1/traders/" + two + "/leases", lease).status())
                .as("a freed stall can be leased again").isEqualTo(201);
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
}
