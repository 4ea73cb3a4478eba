package vn.cho40.traderapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.WebSession;
import vn.cho40.billing.BillCorrections;
import vn.cho40.billing.Bills;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.SmsSender;
import vn.cho40.market.Markets;

/**
 * A bill issued to a trader is announced in the app (on the home screen and as "new" in the list) until a week has
 * passed or it is paid; the trader sees their credit with the board, and another trader's bill is not theirs to open.
 */
@IntegrationTest
class TraderBillNoticeIT {

    private static final Pattern BILL_LINK = Pattern.compile("/trader/bills/([0-9a-f-]{36})");

    @LocalServerPort
    int port;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    TestClock clock;
    @Autowired
    Bills bills;
    @Autowired
    BillCorrections corrections;
    @Autowired
    Markets markets;
    @Autowired
    JdbcClient db;

    private WebSession trader() {
        return vn.cho40.TraderLogins.session(port, demo.demoTraderPhone(), sms, clock);
    }

    @Test
    void aNewBillIsAnnouncedAndAnotherTradersBillIsNotShown() {
        WebSession app = trader();
        Matcher link = BILL_LINK.matcher(app.get("/trader/bills").body());
        assertThat(link.find()).as("the demo leaves the demo trader a bill to pay").isTrue();
        Bills.View mine = bills.get(UUID.fromString(link.group(1))).orElseThrow();

        UUID added = corrections.adjustingBill(markets.findById(mine.marketId()).orElseThrow(), mine.id(), "ELECTRICITY", "23.000",
                "công tơ đọc thiếu tháng trước", "bql.test");
        Bills.View adjusting = bills.get(added).orElseThrow();
        String home = app.get("/trader").body();
        assertThat(home).as("the home screen announces the new bill")
                .contains("data-bill=\"" + adjusting.number() + "\"", "Hóa đơn phí chợ mới", "23.000\u00a0₫");
        String list = app.get("/trader/bills").body();
        assertThat(list).contains("/trader/bills/" + added, "class=\"badge new\"");

        clock.advance(Duration.ofDays(8));
        try {
            assertThat(app.get("/trader").body()).as("a week on, it is no longer new")
                    .doesNotContain("data-bill=\"" + adjusting.number() + "\"");
        } finally {
            clock.advance(Duration.ofDays(-8));
        }

        // A bill's link opened logged out: the phone login, then the bill.
        WebSession fresh = new WebSession(port, null, null);
        vn.cho40.Http.Response asked = fresh.get("/trader/bills/" + added);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).endsWith("/trader/login");
        assertThat(vn.cho40.TraderLogins.logIn(fresh, demo.demoTraderPhone(), sms, clock).location())
                .endsWith("/trader/bills/" + added);
        assertThat(fresh.get("/trader/bills/" + added).body()).contains(adjusting.number(), "id=\"bill-period\"");

        UUID others = db.sql("SELECT id FROM bill WHERE trader_id <> ? LIMIT 1").param(mine.traderId())
                .query(UUID.class).single();
        assertThat(app.get("/trader/bills/" + others).status()).as("another trader's bill").isEqualTo(404);
        assertThat(app.get("/trader/bills/" + others).body()).doesNotContain("C40");
    }
}
