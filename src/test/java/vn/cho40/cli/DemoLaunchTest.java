package vn.cho40.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How ./cho40 demo picks its database: its own folder, never DATABASE_URL. */
class DemoLaunchTest {

    private static final String HOME = "/home/ban";

    @Test
    void theDemoKeepsItsDataInAFolderOfItsOwnNotServes() {
        DemoLaunch launch = DemoLaunch.of(new String[] {"--cho40.demo.traffic-per-minute=0"},
                Map.of("CHO40_DATA_DIR", "/srv/cho40"), HOME);
        assertThat(launch.refusal()).isNull();
        assertThat(launch.arguments()).containsExactly("--cho40.demo.traffic-per-minute=0",
                "--cho40.demo.enabled=true", "--cho40.data-dir=/home/ban/.cho40-demo", "--cho40.database-url=");
    }

    @Test
    void cho40DemoDirAndCho40DemoDatabaseUrlChooseTheDemosDatabase() {
        DemoLaunch launch = DemoLaunch.of(new String[0], Map.of("CHO40_DEMO_DIR", "/tmp/demo",
                "CHO40_DEMO_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cho40bench"), HOME);
        assertThat(launch.arguments()).contains("--cho40.data-dir=/tmp/demo",
                "--cho40.database-url=postgres://postgres@127.0.0.1:5432/cho40bench");
        assertThat(DemoLaunch.dataDir(Map.of(), HOME)).isEqualTo(Path.of("/home/ban/.cho40-demo"));
    }

    @Test
    void databaseUrlIsRefusedWithTheReasonInVietnameseThenEnglish() {
        DemoLaunch launch = DemoLaunch.of(new String[0], Map.of("DATABASE_URL", "postgres://u:p@db/cho40"), HOME);
        assertThat(launch.arguments()).isEmpty();
        assertThat(launch.refusal()).contains("không chạy khi có DATABASE_URL", "mật khẩu in trong README",
                "does not run with DATABASE_URL", "CHO40_DEMO_DATABASE_URL");
        assertThat(launch.refusal().indexOf("Bỏ DATABASE_URL")).isLessThan(launch.refusal().indexOf("Unset"));
        assertThat(launch.refusal()).doesNotContain("u:p@");
    }

    @Test
    void aDatabaseGivenOnTheCommandLineIsRefusedToo() {
        assertThat(DemoLaunch.of(new String[] {"--cho40.data-dir=/srv/cho40"}, Map.of(), HOME).refusal())
                .contains("CHO40_DEMO_DIR", "--cho40.data-dir").doesNotContain("/srv/cho40");
        assertThat(DemoLaunch.of(new String[] {"--cho40.database-url=jdbc:postgresql://db/x"}, Map.of(), HOME)
                .refusal()).contains("CHO40_DEMO_DATABASE_URL");
    }
}
