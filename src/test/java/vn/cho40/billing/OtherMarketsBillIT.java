package vn.cho40.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;

/**
 * A board that opens another market's bill by its id finds no bill: the answer does not confirm the id exists, nor
 * name the market it belongs to (it once said "no market DB-BUNGLAO").
 */
@IntegrationTest
class OtherMarketsBillIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    @Test
    void anotherMarketsBillIsNotFoundAndItsMarketNotNamed() {
        UUID bill = db.sql("""
                SELECT b.id FROM bill b JOIN market m ON m.id = b.market_id WHERE m.code = 'DB-BUNGLAO' LIMIT 1""")
                .query(UUID.class).single();
        WebSession board = new WebSession(port, null, null);
        board.postForm("/login", Map.of("username", "bql.daitu", "password", DemoProvince.DEMO_PASSWORD), "/login");
        for (String path : new String[] {"/billing/bills/" + bill, "/billing/bills/" + bill + "/notice.pdf"}) {
            Http.Response r = board.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("Không có hóa đơn").doesNotContain("DB-BUNGLAO", "Búng Lao");
        }
        Http.Response api = new Http(port).as("bql.daitu", DemoProvince.DEMO_PASSWORD).get("/api/v1/bills/" + bill);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("DB-BUNGLAO");
        // Its own board still opens it.
        WebSession own = new WebSession(port, null, null);
        own.postForm("/login", Map.of("username", "bql.bunglao", "password", DemoProvince.DEMO_PASSWORD), "/login");
        assertThat(own.get("/billing/bills/" + bill).status()).isEqualTo(200);
    }
}
