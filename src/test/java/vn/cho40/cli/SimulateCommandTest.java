package vn.cho40.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cho40.payment.DemoWebhookSecrets;

/** The simulator says what it needs, Vietnamese then English, instead of failing on an endpoint. */
class SimulateCommandTest {

    @TempDir
    Path demoDir;

    private String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulateCommand.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutTheDemosFileItSaysToStartTheDemoOrNameItsFolder() {
        String said = run("payments", "--market", "TN-DAITU", "--rate", "1", "--demo-dir", demoDir.toString());
        assertThat(said).startsWith("Không thấy " + demoDir.resolve("demo-traders.csv"))
                .contains("chạy ./cho40 demo trước", "--demo-dir")
                .contains("\nNo " + demoDir.resolve("demo-traders.csv"), "start ./cho40 demo first");
    }

    @Test
    void aMarketNotInTheDemoIsNamed() throws Exception {
        Files.writeString(demoDir.resolve("demo-traders.csv"), "market,stall,phone,account\nTN-DAITU,A-1,0961000000,"
                + "1004200000000\n");
        String said = run("payments", "--market", "XX-KHONG", "--rate", "1", "--demo-dir", demoDir.toString());
        assertThat(said).startsWith("Chợ XX-KHONG không có trong bản demo").contains("\nMarket XX-KHONG is not in");
    }

    @Test
    void withNoServerAtTheUrlItSaysWhereItLookedAndHowToPointIt() throws Exception {
        Files.writeString(demoDir.resolve("demo-traders.csv"), "market,stall,phone,account\nTN-DAITU,A-1,0961000000,"
                + "1004200000000\n");
        DemoWebhookSecrets.loadOrCreate(demoDir);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String said = run("payments", "--market", "TN-DAITU", "--rate", "1", "--demo-dir", demoDir.toString(),
                "--url", "http://localhost:" + closedPort);
        assertThat(said).startsWith("Không có máy chủ demo nào trả lời ở http://localhost:" + closedPort + "/")
                .contains("--url", "\nNo demo server answers at http://localhost:" + closedPort + "/");
    }
}
