package vn.cho40.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.TestClock;
import vn.cho40.demo.DemoProvince;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.shared.VnFormats;

/**
 * A payment posted to the webhook appears on the trader's open page and is spoken in full; without a
 * Vietnamese voice the pre-recorded words play instead; a payment that arrives while the phone is offline is
 * replayed when it reconnects; the takings update.
 */
@IntegrationTest
class TraderFeedBrowserIT extends BrowserTest {

    @Autowired
    DemoProvince demo;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    FieldCipher cipher;

    private static final String CAPTURE = """
            window.__spoken = []; window.__clips = [];
            """;
    private static final String STUB_VOICE = CAPTURE + """
            Object.defineProperty(window, 'speechSynthesis', {value: {
              speak: (u) => window.__spoken.push(u.text), getVoices: () => [{lang: 'vi-VN', name: 'stub'}],
              cancel: () => {}}});
            """;
    private static final String NO_VOICE = CAPTURE + """
            Object.defineProperty(window, 'speechSynthesis', {value: undefined});
            window.Audio = function (src) {
              const listeners = {};
              window.__clips.push(src.replace(/^.*\\/audio\\/vi\\//, '').replace('.wav', ''));
              return {addEventListener: (n, f) => { listeners[n] = f; },
                      play: () => {
                        setTimeout(() => listeners.ended && listeners.ended(), 5);
                        return Promise.resolve();
                      }};
            };
            """;

    private void openAppWith(String script) {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        // Other tests logged this trader in too: let the one-time-code send limit (3 per 15 min) pass.
        clock.advance(Duration.ofMinutes(16));
        logInAsTrader(demo.demoTraderPhone());
        wait.until(d -> !d.findElement(By.id("last-words")).getText().isBlank());
        browser.findElement(By.id("voice")).click();
    }

    private String account() {
        byte[] enc = db.sql("""
                SELECT a.account_enc FROM stall_default_account d JOIN receiving_account a ON a.id = d.account_id
                JOIN lease l ON l.stall_id = d.stall_id AND l.ends_on IS NULL
                WHERE l.trader_id = (SELECT t.id FROM trader t WHERE t.phone_hash = ?) LIMIT 1""")
                .param(cipher.index("phone", demo.demoTraderPhone())).query(byte[].class).single();
        return cipher.decrypt("account", enc);
    }

    private void pay(long amount) throws Exception {
        payWithText(amount, "mua hang");
    }

    private void payWithText(long amount, String content) throws Exception {
        String reference = "BR-" + UUID.randomUUID();
        String at = LocalDateTime.ofInstant(clock.instant(), VnFormats.VIETNAM)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String body = "{\"id\":" + Math.abs(reference.hashCode()) + ",\"gateway\":\"\",\"transactionDate\":\""
                + at + "\",\"accountNumber\":\"" + account() + "\",\"code\":null,\"content\":\"" + content + "\","
                + "\"transferType\":\"in\",\"transferAmount\":" + amount + ",\"accumulated\":0,\"subAccount\":null,"
                + "\"referenceCode\":\"" + reference + "\",\"description\":\"\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/webhooks/sepay"))
                .header("Authorization", "Apikey k-123").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private List<String> captured(String name) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return window." + name);
    }

    @Test
    void aWebhookPaymentAppearsOnTheOpenPageAndIsSpokenInFull() throws Exception {
        openAppWith(STUB_VOICE);
        // The takings block is swapped whole when a payment arrives (one may while the page opens): read it again then.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String before = wait.until(d -> d.findElement(By.id("takings-day")).getText());
        pay(125_000);
        wait.until(d -> d.findElement(By.id("last-amount")).getText().equals("125.000 ₫"));
        assertThat(browser.findElement(By.id("last-words")).getText())
                .isEqualTo("Một trăm hai mươi lăm nghìn đồng");
        wait.until(d -> captured("__spoken").contains("Đã nhận một trăm hai mươi lăm nghìn đồng"));
        wait.until(d -> !d.findElement(By.id("takings-day")).getText().equals(before));
        Browser.screenshot(browser, "trader-payment-received");
    }

    @Autowired
    vn.cho40.catalogue.Orders orders;

    @Test
    void anOrderPaidByQrIsAnnouncedWithWhatWasBought() throws Exception {
        openAppWith(STUB_VOICE);
        java.util.UUID tea = db.sql("SELECT id FROM product WHERE name = 'Chè Tân Cương đặc biệt'").query(java.util.UUID.class)
                .single();
        vn.cho40.catalogue.Orders.Order order = orders.place(tea, "1", "Phạm Thị Hoa", "0912888999", null);
        payWithText(order.totalVnd(), "PHAM THI HOA " + order.paymentCode());
        String said = "Đơn " + order.number() + ": Chè Tân Cương đặc biệt × 1 túi, nhận tại quầy";
        wait.until(d -> d.findElement(By.id("last-note")).getText().equals(said));
        wait.until(d -> captured("__spoken").contains("Đã nhận một trăm tám mươi nghìn đồng. " + said));
        assertThat(browser.findElement(By.id("feed")).getText()).contains(said);
        assertThat(browser.findElement(By.id("feed-empty")).isDisplayed()).as("the empty feed's note goes").isFalse();
    }

    private DroppableProxy proxy;

    @Override
    int browserPort() {
        return proxy == null ? port : proxy.port();
    }

    /** The browser reaches the server through a relay the test can cut or silence (closed after the test). */
    private DroppableProxy throughRelay() throws java.io.IOException {
        proxy = new DroppableProxy(port);
        return proxy;
    }

    @org.junit.jupiter.api.AfterEach
    void closeRelay() throws java.io.IOException {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void withoutAVietnameseVoiceTheRecordedWordsPlayAndAPaymentMissedOfflineIsReplayed() throws Exception {
        DroppableProxy network = throughRelay();
        openAppWith(NO_VOICE);
        network.drop();
        pay(1_005_000);
        Thread.sleep(1500);
        assertThat(browser.findElement(By.id("feed")).getText()).as("offline: nothing arrives")
                .doesNotContain("1.005.000 ₫");
        network.restore();
        // EventSource reconnects by itself with Last-Event-ID; the server replays what was missed.
        wait.withTimeout(Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("last-amount")).getText().equals("1.005.000 ₫"));
        wait.until(d -> captured("__clips").size() >= 9);
        List<String> clips = captured("__clips");
        assertThat(String.join(" ", clips)).endsWith(
                "da-nhan mot trieu khong tram linh nam nghin dong");
    }

    @Test
    void aStreamThatGoesSilentIsReplacedAndThePaymentStillArrives() throws Exception {
        DroppableProxy network = throughRelay();
        openAppWith(STUB_VOICE);
        // The connection stays open but carries nothing: no error reaches the page, only missing pings
        // (every second in tests), after which the app opens a new stream from its last payment.
        network.silenceStreams();
        pay(77_000);
        wait.withTimeout(Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("last-amount")).getText().equals("77.000 ₫"));
        wait.until(d -> captured("__spoken").contains("Đã nhận bảy mươi bảy nghìn đồng"));
    }
}
