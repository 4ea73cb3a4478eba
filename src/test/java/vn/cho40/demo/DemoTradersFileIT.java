package vn.cho40.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;

/**
 * Security review part 1 #13: {@code /api/v1/demo/*} listed every demo trader's phone and account to anyone. The
 * demo now writes them to its own folder, owner-only, and no endpoint lists them, signed in or not.
 */
@IntegrationTest
class DemoTradersFileIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    DemoProvince demo;

    @Test
    void theDemoWritesItsTradersToItsOwnFolderReadableByTheOwnerOnly() throws Exception {
        var file = DemoFolder.of(context).resolve(DemoTradersFile.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<DemoTradersFile.Entry> all = DemoTradersFile.read(DemoFolder.of(context)).orElseThrow();
        assertThat(all).anySatisfy(e -> {
            assertThat(e.market()).isEqualTo("TN-DAITU");
            assertThat(e.stall()).isEqualTo("A-1");
            assertThat(e.phone()).isEqualTo(demo.demoTraderPhone());
        });
        assertThat(all).allSatisfy(e -> assertThat(e.account()).matches("\\d{9,13}"));
        assertThat(all.stream().map(DemoTradersFile.Entry::market).distinct()).contains("TN-DAITU", "TN-DU",
                "DB-BUNGLAO");
    }

    @Test
    void noEndpointListsTheDemoTradersPhonesOrAccounts() {
        for (String path : new String[] {"/api/v1/demo/traders?market=TN-DAITU", "/api/v1/demo/accounts?market=TN-DAITU"}) {
            Http.Response anonymous = new Http(port).get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            Http.Response admin = new Http(port).asAdmin().get(path);
            assertThat(admin.status()).as(path).isEqualTo(404);
            assertThat(admin.body() + anonymous.body()).doesNotContainPattern("\\d{9,}");
        }
    }
}
