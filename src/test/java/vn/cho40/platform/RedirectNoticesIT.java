package vn.cho40.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/**
 * A form that changes something answers with a redirect, and the page after it says what was done: that message
 * travels in the session, which is stored in the database, so it must survive being stored. Issuing a billing run
 * from the board's page once answered a blank 500 after the bills were made (its result could not be stored).
 */
@IntegrationTest
class RedirectNoticesIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;

    private WebSession login(String username) {
        WebSession s = new WebSession(port, null, null);
        s.postForm("/login", Map.of("username", username, "password", DemoProvince.DEMO_PASSWORD), "/login");
        s.get("/home"); // the signed-in session's form token
        return s;
    }

    @Test
    void theBoardIssuesAMonthFromItsPageAndIsToldHowManyBills() {
        // A month far ahead: no other test bills it.
        YearMonth period = YearMonth.now(VIETNAM).plusYears(7);
        WebSession board = login("bql.daitu");
        String page = "/billing?market=TN-DAITU&period=" + period;
        // A period years ahead is a slip of the keyboard until confirmed: back to its preview, with the box to tick.
        Http.Response unconfirmed = board.postForm("/billing/runs", Map.of("market", "TN-DAITU", "period",
                period.toString()), page);
        assertThat(unconfirmed.location()).contains("run=" + period);
        assertThat(board.get(unconfirmed.location()).body()).contains("chưa bắt đầu", "name=\"confirmPeriod\"")
                .doesNotContain("id=\"issued\"");

        // Its meters have no readings yet: bills without electricity are issued only when that is confirmed too.
        Http.Response gaps = board.postForm("/billing/runs", Map.of("market", "TN-DAITU", "period",
                period.toString(), "confirmPeriod", "true"), page);
        assertThat(board.get(gaps.location()).body()).contains("chưa tính được", "id=\"unbillable\" open",
                "name=\"confirmGaps\"").doesNotContain("id=\"issued\"");

        Http.Response issued = board.postForm("/billing/runs", Map.of("market", "TN-DAITU", "period",
                period.toString(), "confirmPeriod", "true", "confirmGaps", "true"), page);
        assertThat(issued.status()).isEqualTo(302);
        String after = board.get(issued.location()).body();
        assertThat(after).contains("id=\"issued\"").containsPattern("Đã lập \\d+ hóa đơn, tổng [0-9.]+.₫");

        Http.Response again = board.postForm("/billing/runs", Map.of("market", "TN-DAITU", "period",
                period.toString(), "confirmPeriod", "true", "confirmGaps", "true"), page);
        assertThat(again.status()).isEqualTo(302);
        assertThat(board.get(again.location()).body()).contains("đã lập hóa đơn rồi").doesNotContain("id=\"issued\"");
    }

    @Test
    void theProvinceFreezesAMonthFromThePlansPageAndIsToldWhatChanged() {
        WebSession province = login("tinh.thainguyen");
        Http.Response frozen = province.postForm("/rollout/freeze",
                Map.of("month", YearMonth.now(VIETNAM).minusMonths(1).toString()), "/rollout/plans");
        assertThat(frozen.status()).isEqualTo(302);
        assertThat(province.get(frozen.location()).body()).contains("id=\"frozen\"", "Đã chốt:");
    }
}
