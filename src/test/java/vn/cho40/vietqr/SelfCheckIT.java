package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.SmsSender;

@IntegrationTest
class SelfCheckIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoProvince demo;
    @Autowired
    SmsSender sms;
    @Autowired
    vn.cho40.TestClock testClock;

    @Test
    void aTraderChecksTheirOwnSignAndADynamicCodeCarriesItsAmount() {
        Http board = new Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD);
        Http.Response current = board.get("/api/v1/markets/TN-DAITU/stalls/A-1/qr");
        assertThat(current.status()).isEqualTo(200);
        String genuine = current.json().get("payload").asString();
        Http.Response dynamic = board.postJson("/api/v1/markets/TN-DAITU/stalls/A-1/qr",
                Map.of("amount", 45_000, "purpose", "Tiền rau"));
        assertThat(dynamic.status()).isEqualTo(201);
        assertThat(VietQr.decode(dynamic.json().get("payload").asString())).isInstanceOfSatisfying(Decoded.Valid.class,
                v -> assertThat(v.payload().amountVnd()).isEqualTo(45_000L));
        assertThat(board.postJson("/api/v1/markets/TN-DAITU/stalls/A-1/qr", Map.of("amount", 600_000_000L)).body())
                .contains("NAPAS 247");

        WebSession trader = new WebSession(port, null, null);
        String phone = demo.demoTraderPhone();
        // Other tests logged this trader in too: let the one-time-code send limit (3 per 15 min) pass.
        testClock.advance(java.time.Duration.ofMinutes(16));
        trader.postForm("/trader/login/code", Map.of("phone", phone), "/trader/login");
        Matcher code = Pattern.compile("(\\d{6})").matcher(((LogSmsSender) sms).lastMessage(phone).orElseThrow());
        assertThat(code.find()).isTrue();
        trader.postForm("/trader/login", Map.of("phone", phone, "code", code.group(1)), "/trader/login");
        String ok = trader.postForm("/trader/check", Map.of("stall", "TN-DAITU/A-1", "payload", genuine),
                "/trader/check").body();
        assertThat(ok).contains("Đúng tài khoản đã đăng ký");
        String fake = trader.postForm("/trader/check", Map.of("stall", "TN-DAITU/A-1", "payload",
                VietQr.encode(VietQrPayload.staticCode("970422", "1234567890"))), "/trader/check").body();
        assertThat(fake).contains("MÃ GIẢ");
        assertThat(trader.postForm("/trader/check", Map.of("stall", "DB-BUNGLAO/A-1", "payload", genuine),
                "/trader/check").status()).as("not the trader's stall").isEqualTo(404);
    }
}
