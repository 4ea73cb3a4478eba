package vn.cho40.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Cho40Application;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.shared.InvalidInputException;

/**
 * A real server (serve mode, its own fresh embedded database) without CHO40_SMS_URL: it says at start that trader
 * login is off, the login page says so and whom to ask, and no one-time code is made, so none reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeWithoutSmsIT {

    private static final String PHONE = "0977123456";
    private ConfigurableApplicationContext app;
    private int port;

    @BeforeAll
    void startServe() {
        app = new SpringApplication(Cho40Application.class).run("--cho40.demo.enabled=false", "--cho40.sms.url=",
                "--cho40.database-url=", "--cho40.data-dir=target/it-db/serve-" + UUID.randomUUID(), "--server.port=0",
                "--spring.main.banner-mode=off", "--cho40.admin.password=" + IntegrationTest.ADMIN_PASSWORD);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Http admin = new Http(port).asAdmin();
        Map<String, Object> market = new HashMap<>(Map.of("code", "SMS-OFF", "name", "Chợ Không SMS",
                "communeCode", "05611", "marketClass", 3, "operatorType", "BOARD", "freeWifi", true));
        assertThat(admin.postJson("/api/v1/markets", market).status()).isEqualTo(201);
        assertThat(admin.postJson("/api/v1/traders", Map.of("marketCode", "SMS-OFF", "fullName", "Lò Văn Pọm",
                "idNumber", "019075123456", "birthDate", "1975-02-01", "phone", PHONE, "consent", true)).status())
                .isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theServerWarnsAtStartThatTraderLoginIsOff(CapturedOutput output) {
        assertThat(output.getAll()).containsPattern("WARN .*Chưa có cổng SMS \\(CHO40_SMS_URL\\).*trader login by "
                + "code is OFF");
    }

    @Test
    void theLoginPageSaysLoginByCodeIsNotAvailableAndWhomToAsk() {
        String vi = new WebSession(port, null, null).get("/trader/login").body();
        assertThat(vi).contains("chưa bật đăng nhập bằng mã SMS", "Hãy hỏi ban quản lý chợ").doesNotContain("name=\"phone\"");
        String en = new WebSession(port, null, null).get("/trader/login?lang=en").body();
        assertThat(en).contains("Login by SMS code is not available on this server", "Ask your market board");
    }

    @Test
    void aRegisteredTraderIsRefusedAndNoCodeIsMadeOrLogged(CapturedOutput output) {
        WebSession phone = new WebSession(port, null, null);
        Http.Response send = phone.postForm("/trader/login/code", Map.of("phone", PHONE), "/login");
        assertThat(send.status()).isEqualTo(200);
        assertThat(send.body()).contains("chưa bật đăng nhập bằng mã SMS").doesNotContain("name=\"code\"");
        Http.Response login = phone.postForm("/trader/login", Map.of("phone", PHONE, "code", "123456"), "/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("chưa bật đăng nhập bằng mã SMS");

        // The staff's phone check in onboarding reaches the same wall.
        OneTimeCodes codes = app.getBean(OneTimeCodes.class);
        assertThatThrownBy(() -> codes.send(OneTimeCodes.Purpose.VERIFY_PHONE, PHONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations().getFirst().messageKey()).isEqualTo("otp.noSmsGateway"));

        assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM one_time_code").query(Long.class).single())
                .isZero();
        assertThat(output.getAll()).doesNotContain("Ma xac thuc", "SMS tới", PHONE);
    }
}
