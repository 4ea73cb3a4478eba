package vn.cho40.trader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/** The wizard's ways on: what was typed in step 1 is not asked again, and a market without a free stall is no dead end. */
@IntegrationTest
class OnboardingIT {

    @LocalServerPort
    int port;

    @Test
    void thePhoneTypedToLookUpIsCarriedAndAFullMarketOffersAWayOn() {
        // A new market of the tech member's commune whose stalls are not entered yet.
        assertThat(new Http(port).asAdmin().postJson("/api/v1/markets", Map.of("code", "OB-FULL", "name",
                "Chợ chưa có quầy", "communeCode", "05488", "marketClass", 3, "operatorType", "BOARD")).status())
                .isEqualTo(201);
        WebSession tech = new WebSession(port, "tocongnghe.daiphuc", DemoProvince.DEMO_PASSWORD);
        Http.Response started = tech.postForm("/onboarding", Map.of("market", "OB-FULL", "lookup", "0978 555 111"),
                "/onboarding");
        assertThat(started.location()).endsWith("/identity");
        String identity = tech.get(started.location()).body();
        assertThat(identity).contains("value=\"0978555111\"");

        String id = started.location().replace("/onboarding/", "").replace("/identity", "");
        Http.Response created = tech.postForm("/onboarding/" + id + "/identity", Map.of("fullName", "Lò Văn Páo",
                "idNumber", "011090123456", "birthDate", "1990-03-04", "phone", "0978555111", "consent", "on"),
                "/onboarding/" + id + "/identity");
        assertThat(created.location()).endsWith("/phone");

        String stallPage = tech.get("/onboarding/" + id + "/stall").body();
        assertThat(stallPage).contains("không còn quầy trống").contains("Hoàn tất, gắn quầy sau")
                .as("a tech member may not add stalls").doesNotContain("Thêm quầy cho chợ");
        WebSession board = new WebSession(port, "tinh.thainguyen", DemoProvince.DEMO_PASSWORD);
        assertThat(board.get("/onboarding/" + id + "/stall").body()).contains("Thêm quầy cho chợ");

        Http.Response skipped = tech.postForm("/onboarding/" + id + "/stall/skip", Map.of(), "/onboarding/" + id
                + "/stall");
        assertThat(skipped.location()).endsWith("/confirm");
        assertThat(tech.get(skipped.location()).body()).contains("Chưa gắn quầy");
    }
}
