package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;

@IntegrationTest
class LoginIT {

    @LocalServerPort
    int port;

    private void createUser(String username) {
        Http.Response r = new Http(port).asAdmin().postJson("/api/v1/users", Map.of("username", username,
                "fullName", "Người thử", "password", "mat-khau-dai-1", "role", "MARKET_CASHIER",
                "scopeKind", "MARKET", "scopeCode", "TN-DU"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        createUser("khoa.thu");
        Http right = new Http(port).as("khoa.thu", "mat-khau-dai-1");
        assertThat(right.get("/api/v1/users/me").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(new Http(port).as("khoa.thu", "sai-mat-khau").get("/api/v1/users/me").status()).isEqualTo(401);
        }
        assertThat(right.get("/api/v1/users/me").status()).isEqualTo(401);
    }

    @Test
    void staffLogInWithAFormThatNeedsItsCsrfToken() {
        createUser("form.thu");
        WebSession noToken = new WebSession(port, null, null);
        assertThat(noToken.postJson("/login", "{}").status()).as("no CSRF token").isEqualTo(403);
        WebSession browser = new WebSession(port, null, null);
        Http.Response login = browser.postForm("/login", Map.of("username", "form.thu",
                "password", "mat-khau-dai-1"), "/login");
        assertThat(login.status()).isEqualTo(302);
        assertThat(browser.get("/admin/markets/TN-DU/stalls").status()).isEqualTo(200);
        assertThat(browser.get("/admin/markets/TN-DAITU/stalls").status()).as("another market").isEqualTo(404);
    }

    @Test
    void usersAreCreatedOnlyInsideTheAdministratorsScope() {
        Http dienBien = new Http(port).as("tinh.dienbien", vn.cho40.demo.DemoProvince.DEMO_PASSWORD);
        Http.Response outside = dienBien.postJson("/api/v1/users", Map.of("username", "ngoai.pham.vi",
                "fullName", "Ngoài", "password", "mat-khau-dai-1", "role", "MARKET_MANAGER",
                "scopeKind", "MARKET", "scopeCode", "TN-DAITU"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("detail").asString()).contains("nằm ngoài phạm vi");
        Http.Response inside = dienBien.postJson("/api/v1/users", Map.of("username", "bql.nahy",
                "fullName", "Ban quản lý Nà Hỳ", "password", "mat-khau-dai-1", "role", "MARKET_MANAGER",
                "scopeKind", "MARKET", "scopeCode", "DB-NAHY"));
        assertThat(inside.status()).isEqualTo(201);
        assertThat(new Http(port).as("bql.daitu", vn.cho40.demo.DemoProvince.DEMO_PASSWORD)
                .get("/api/v1/users").status()).as("a board manager does not manage users").isEqualTo(403);
    }
}
