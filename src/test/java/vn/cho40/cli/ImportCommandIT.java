package vn.cho40.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.market.MarketForm;
import vn.cho40.market.Markets;
import vn.cho40.market.OperatorType;
import vn.cho40.market.Stalls;

@IntegrationTest
class ImportCommandIT {

    @Autowired
    ImportCommand command;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;
    @Autowired
    javax.sql.DataSource dataSource;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void adminUnitsAreIdempotent() {
        assertThat(run("admin-units")).isZero();
        assertThat(out()).contains("thêm mới 0", "34 tỉnh", "3321 xã", "696 huyện");
    }

    @Test
    void stallsAreCheckedThenImportedAllOrNothing() throws IOException {
        markets.create(new MarketForm("CLI-ONE", "Chợ dòng lệnh", "05611", null, null, 3, OperatorType.BOARD, null,
                null, null, null, null, false), "test");
        Path bad = Files.writeString(Files.createTempFile("quay", ".csv"),
                "ma_quay,nganh_hang,dien_tich_m2\nA-1,Thịt,6\nA-2,,5\nA-3,Cá,0\n");
        assertThat(run("stalls", bad.toString(), "--market", "CLI-ONE")).isEqualTo(1);
        assertThat(err()).contains("Dòng 3: Thiếu ngành hàng", "Dòng 4: Diện tích \"0\"", "Không nhập quầy nào");
        assertThat(stalls.list(markets.get("CLI-ONE"), null, null)).isEmpty();

        Path good = Files.writeString(Files.createTempFile("quay", ".csv"),
                "ma_quay,nganh_hang,dien_tich_m2\nA-1,Thịt,6\nA-2,Gia vị,5\n");
        assertThat(run("stalls", good.toString(), "--market", "cli-one", "--dry-run")).isZero();
        assertThat(stalls.list(markets.get("CLI-ONE"), null, null)).isEmpty();
        assertThat(run("stalls", good.toString(), "--market", "CLI-ONE")).isZero();
        assertThat(out()).contains("Đã nhập 2 quầy vào chợ CLI-ONE");
        assertThat(stalls.list(markets.get("CLI-ONE"), null, null)).hasSize(2);
    }

    @Test
    void wrongUsageAndUnknownMarketsAreExplained() throws IOException {
        Path file = Files.writeString(Files.createTempFile("quay", ".csv"), "ma_quay,nganh_hang,dien_tich_m2\n");
        assertThat(run("stalls", file.toString())).isEqualTo(2);
        assertThat(err()).contains("Thiếu --market");
        assertThat(run("stalls", file.toString(), "--market", "KHONG-CO")).isEqualTo(1);
        assertThat(err()).contains("Không tìm thấy chợ mã KHONG-CO");
        assertThat(run("stalls", "/khong/co/tep.csv", "--market", "TN-DU")).isEqualTo(1);
        assertThat(err()).contains("Không đọc được tệp");
        assertThat(run("nothing")).isEqualTo(2);
    }

    /**
     * The launcher's own path, in a JVM of its own, on a database of its own (the test's is a demo's, which commands
     * refuse): the command starts the platform without a web server, which once failed for want of the HTTP security
     * only a web server has.
     */
    @Test
    void theCommandRunsInItsOwnProcessWithoutAWebServer() throws Exception {
        String url;
        String user;
        String database = "cli_" + Long.toHexString(System.nanoTime());
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
            st.execute("CREATE DATABASE " + database);
        }
        try {
            String own = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), "vn.cho40.Cho40", "import", "admin-units")
                    .redirectErrorStream(true);
            pb.environment().put("DATABASE_URL", own + (own.contains("?") ? "&" : "?") + "user=" + user);
            pb.environment().put("CHO40_DATA_KEYS", "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            pb.environment().put("CHO40_INDEX_KEY", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
            pb.environment().put("CHO40_ADMIN_PASSWORD", vn.cho40.IntegrationTest.ADMIN_PASSWORD);
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("thêm mới 0", "34 tỉnh").doesNotContain("APPLICATION FAILED");
        } finally {
            try (var c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
