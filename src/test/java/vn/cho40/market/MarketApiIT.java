package vn.cho40.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;

@IntegrationTest
class MarketApiIT {

    @LocalServerPort
    int port;
    Http anonymous;
    Http admin;

    @BeforeEach
    void clients() {
        anonymous = new Http(port);
        admin = anonymous.asAdmin();
    }

    static Map<String, Object> market(String code, String commune) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "Chợ Thử Nghiệm " + code);
        m.put("communeCode", commune);
        m.put("marketClass", 3);
        m.put("operatorType", "BOARD");
        m.put("freeWifi", true);
        return m;
    }

    @Test
    void theDirectoryIsOpenAndIgnoresDiacritics() {
        Http.Response r = anonymous.get("/api/v1/markets?q=" + Http.q("cho du"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = r.json().get(0);
        assertThat(first.get("name").asString()).isEqualTo("Chợ Đu");
        assertThat(first.get("code").asString()).isEqualTo("TN-DU");
        assertThat(first.get("commune").get("name").asString()).isEqualTo("Xã Phú Lương");
        assertThat(first.get("province").get("name").asString()).isEqualTo("Tỉnh Thái Nguyên");

        JsonNode daiTu = anonymous.get("/api/v1/markets?q=" + Http.q("DAI TU")).json();
        assertThat(daiTu.get(0).get("name").asString()).isEqualTo("Chợ trung tâm Đại Từ");
        assertThat(anonymous.get("/api/v1/markets?q=" + Http.q("đu")).json().get(0).get("code").asString())
                .isEqualTo("TN-DU");
    }

    @Test
    void theDirectoryFiltersByProvince() {
        JsonNode dienBien = anonymous.get("/api/v1/markets?province=11").json();
        assertThat(dienBien.size()).isGreaterThanOrEqualTo(4);
        dienBien.forEach(m -> assertThat(m.get("province").get("code").asString()).isEqualTo("11"));
        assertThat(anonymous.get("/api/v1/markets?q=" + Http.q("xyz khong co")).json().size()).isZero();
    }

    @Test
    void writingNeedsALogin() {
        assertThat(anonymous.postJson("/api/v1/markets", market("API-ANON", "05611")).status()).isEqualTo(401);
    }

    @Test
    void createsAMarketAndMovesItThroughTheRollout() {
        Http.Response created = admin.postJson("/api/v1/markets", market("api-one", "05611"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("code").asString()).isEqualTo("API-ONE");
        assertThat(created.json().get("status").asString()).isEqualTo("PLANNED");

        Http.Response skip = admin.postJson("/api/v1/markets/API-ONE/status", Map.of("status", "LIVE"));
        assertThat(skip.status()).isEqualTo(422);
        assertThat(skip.json().get("detail").asString()).contains("Kế hoạch → Đang triển khai → Đã vận hành");

        assertThat(admin.postJson("/api/v1/markets/API-ONE/status", Map.of("status", "ONBOARDING")).status())
                .isEqualTo(200);
        Http.Response live = admin.postJson("/api/v1/markets/API-ONE/status", Map.of("status", "LIVE"));
        assertThat(live.json().get("status").asString()).isEqualTo("LIVE");
        assertThat(anonymous.get("/api/v1/markets/api-one").json().get("status").asString()).isEqualTo("LIVE");
    }

    @Test
    void badInputGetsAProblemNamingEachFieldInVietnameseThenEnglishOnRequest() {
        Map<String, Object> bad = market("?", "99999");
        bad.put("collectionBankBin", "123456");
        bad.put("collectionAccountNo", "12 34");
        Http.Response r = admin.postJson("/api/v1/markets", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("title").asString()).isEqualTo("Dữ liệu chưa hợp lệ");
        List<String> fields = r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactly("code", "communeCode", "collectionBankBin", "collectionAccountNo",
                "collectionAccountName");
        assertThat(r.body()).contains("Không có xã/phường mã 99999").doesNotContain("Exception");

        Http.Response en = admin.inEnglish().postJson("/api/v1/markets", bad);
        assertThat(en.json().get("detail").asString()).contains("There is no 2025 commune with code 99999");

        assertThat(anonymous.get("/api/v1/markets/%3F").status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsA400WithAMessageNotAStackTrace() {
        Http.Response r = admin.postJson("/api/v1/markets/TN-DU/status", Map.of("status", "FLYING"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("thiếu hoặc sai dạng");
    }

    @Test
    void aDuplicateCodeIsRefusedAndTheFirstMarketIsUnchanged() {
        assertThat(admin.postJson("/api/v1/markets", market("API-DUP", "05611")).status()).isEqualTo(201);
        Map<String, Object> again = market("API-DUP", "05818");
        Http.Response r = admin.postJson("/api/v1/markets", again);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("đã có");
        assertThat(anonymous.get("/api/v1/markets/API-DUP").json().get("commune").get("code").asString())
                .isEqualTo("05611");
    }

    @Test
    void stallsImportAllOrNothingWithEveryBadLineNamed() {
        admin.postJson("/api/v1/markets", market("API-IMP", "05818"));
        String bad = "ma_quay,khu,nganh_hang,dien_tich_m2\nA-1,Khu A,Thịt,6\nA-2,Khu A,xe máy,5\nA-1,Khu A,Cá,5\n"
                + "B-1,Khu B,Rau củ,abc\n";
        Http.Response refused = admin.upload("/api/v1/markets/API-IMP/stalls/import", "quay.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        List<String> fields = refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactly("line 3: category", "line 4: code", "line 5: areaM2");
        assertThat(refused.body()).contains("Ngành hàng \\\"xe máy\\\" không có", "trùng với dòng 2");
        assertThat(admin.get("/api/v1/markets/API-IMP/stalls").json().size()).isZero();

        String good = "ma_quay,khu,nganh_hang,dien_tich_m2\nA-1,Khu A,Thịt,6\nA-2,Khu A,Cá,\"7,5\"\nB-1,,rau cu,4\n";
        Http.Response dry = admin.upload("/api/v1/markets/API-IMP/stalls/import?dryRun=true", "quay.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/markets/API-IMP/stalls").json().size()).isZero();

        Http.Response saved = admin.upload("/api/v1/markets/API-IMP/stalls/import", "quay.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(saved.status()).isEqualTo(201);
        JsonNode stalls = admin.get("/api/v1/markets/API-IMP/stalls").json();
        assertThat(stalls.valueStream().map(s -> s.get("code").asString())).containsExactly("A-1", "A-2", "B-1");
        assertThat(stalls.get(1).get("areaM2").decimalValue()).isEqualByComparingTo("7.5");

        Http.Response again = admin.upload("/api/v1/markets/API-IMP/stalls/import", "quay.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("Quầy A-1 đã có trong chợ");
        assertThat(admin.get("/api/v1/markets/API-IMP/stalls").json().size()).isEqualTo(3);
    }

    @Test
    void addsOneStallAndRefusesItTwice() {
        admin.postJson("/api/v1/markets", market("API-ONESTALL", "05818"));
        Map<String, String> stall = Map.of("code", "c-9", "category", "Gia vị", "areaM2", "3,5");
        Http.Response r = admin.postJson("/api/v1/markets/API-ONESTALL/stalls", stall);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("code").asString()).isEqualTo("C-9");
        assertThat(r.json().get("categoryName").asString()).isEqualTo("Gia vị");
        assertThat(admin.postJson("/api/v1/markets/API-ONESTALL/stalls", stall).status()).isEqualTo(422);
    }

    @Test
    void openApiDocsAndHealthAreServed() {
        assertThat(anonymous.get("/v3/api-docs").body()).contains("/api/v1/markets");
        assertThat(anonymous.get("/actuator/health").body()).contains("UP");
        // Metrics need the metrics login (PublicSurfaceIT reads them with it).
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    /** Security review part 1 #6, part 2 #2: an edit moved a market (and its traders) into another province. */
    @Test
    void anEditCannotMoveAMarketOutOfTheEditorsScope() {
        assertThat(admin.postJson("/api/v1/markets", market("MOVE-1", "05488")).status()).isEqualTo(201);
        Http commune = new Http(port).as("xa.daiphuc", vn.cho40.demo.DemoProvince.DEMO_PASSWORD);
        Http province = new Http(port).as("tinh.thainguyen", vn.cho40.demo.DemoProvince.DEMO_PASSWORD);

        Map<String, Object> renamed = market("MOVE-1", "05488");
        renamed.put("name", "Chợ Thử Đổi Tên");
        assertThat(commune.putJson("/api/v1/markets/MOVE-1", renamed).status()).as("inside the scope").isEqualTo(200);

        for (Http editor : List.of(commune, province)) {
            Http.Response moved = editor.putJson("/api/v1/markets/MOVE-1", market("MOVE-1", "03301"));
            assertThat(moved.status()).isEqualTo(422);
            assertThat(moved.json().get("detail").asString()).contains("nằm ngoài phạm vi quản lý của bạn");
        }
        vn.cho40.WebSession form = new vn.cho40.WebSession(port, "xa.daiphuc",
                vn.cho40.demo.DemoProvince.DEMO_PASSWORD);
        Http.Response page = form.postForm("/admin/markets/MOVE-1", Map.of("name", "Chợ Chuyển Đi",
                "communeCode", "03301", "marketClass", "3", "operatorType", "BOARD"), "/admin/markets/MOVE-1/edit");
        assertThat(page.body()).contains("nằm ngoài phạm vi quản lý của bạn");

        JsonNode after = anonymous.get("/api/v1/markets/MOVE-1").json();
        assertThat(after.get("province").get("code").asString()).isEqualTo("19");
        assertThat(after.get("commune").get("code").asString()).isEqualTo("05488");
        assertThat(after.get("name").asString()).isEqualTo("Chợ Thử Đổi Tên");
        assertThat(admin.putJson("/api/v1/markets/MOVE-1", market("MOVE-1", "03301")).status())
                .as("a national administrator may move it").isEqualTo(200);
    }
}
