package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;

@IntegrationTest
class StallCodesIT {

    @LocalServerPort
    int port;
    @Autowired
    StallCodes codes;
    @Autowired
    Markets markets;
    @Autowired
    Stalls stalls;
    @Autowired
    Inspections inspections;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;
    @Autowired
    vn.cho40.demo.DemoProvince demo;
    @Autowired
    vn.cho40.identity.SmsSender sms;
    @Autowired
    vn.cho40.TestClock clock;

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "PNG", out);
        return out.toByteArray();
    }

    @Test
    void aMarketsSignsPdfScansBackPageByPageWithAnIndependentDecoder() throws Exception {
        Market dan = markets.get("TN-DAN");
        Http.Response r = new Http(port).asAdmin().get("/admin/markets/TN-DAN/signs.pdf?size=A6");
        assertThat(r.status()).isEqualTo(200);
        byte[] pdf = new Http(port).asAdmin().getBytes("/admin/markets/TN-DAN/signs.pdf?size=A6");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(55);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Chợ Đán", "Quầy A-1", "kiểm tra tên người nhận", "Mã kiểm tra:");
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page : new int[] {0, 54}) {
                String scanned = Zbar.decode(png(renderer.renderImageWithDPI(page, 150)));
                Stall stall = stalls.list(dan, null, null).get(page);
                assertThat(scanned).isEqualTo(codes.find(dan, stall).orElseThrow().payload());
                assertThat(text).contains("Quầy " + stall.code());
            }
        }
    }

    @Test
    void aStallsPngIsItsCurrentCode() throws Exception {
        Market dan = markets.get("TN-DAN");
        byte[] png = new Http(port).asAdmin().getBytes("/admin/markets/TN-DAN/stalls/A-2/qr.png");
        String scanned = Zbar.decode(png);
        assertThat(VietQr.decode(scanned)).isInstanceOf(Decoded.Valid.class);
        assertThat(scanned).isEqualTo(codes.find(dan, stalls.find(dan, "A-2").orElseThrow()).orElseThrow().payload());
    }

    @Test
    void changingTheAccountRevokesTheOldCodeAndInspectionsTellSwapFromStale() {
        Http admin = new Http(port).asAdmin();
        admin.postJson("/api/v1/markets", Map.of("code", "QR-T", "name", "Chợ kiểm tra mã", "communeCode", "05488",
                "marketClass", 3, "operatorType", "BOARD"));
        admin.postJson("/api/v1/markets/QR-T/stalls", Map.of("code", "B-3", "category", "Rau củ", "areaM2", "4"));
        String trader = admin.postJson("/api/v1/traders", Map.of("marketCode", "QR-T", "fullName", "Vi Thị Nga",
                "idNumber", "019186777888", "birthDate", "1986-01-01", "phone", "0977888999", "consent", true))
                .json().get("id").asString();
        String wallet = admin.postJson("/api/v1/traders/" + trader + "/accounts", Map.of("bin", "971005"))
                .json().get("id").asString();
        String bank = admin.postJson("/api/v1/traders/" + trader + "/accounts", Map.of("bin", "970405",
                "accountNo", "2200123456789", "holderName", "VI THI NGA")).json().get("id").asString();
        assertThat(admin.postJson("/api/v1/traders/" + trader + "/leases", Map.of("marketCode", "QR-T",
                "stallCode", "B-3", "accountId", wallet)).status()).isEqualTo(201);

        Market market = markets.get("QR-T");
        Stall stall = stalls.find(market, "B-3").orElseThrow();
        StallCodes.StallCode first = codes.find(market, stall).orElseThrow();
        assertThat(first.bankName()).isEqualTo("ViettelMoney");
        assertThat(codes.find(market, stall).orElseThrow().verificationCode()).isEqualTo(first.verificationCode());

        Http.Response page = new Http(port).get("/v/" + first.verificationCode());
        // The name exactly as the sign prints it (public at the stall, and the payer's bank app shows it), nothing more.
        assertThat(page.body()).contains("Chợ kiểm tra mã", "B-3", "VI THI NGA", "Đây là mã hiện hành")
                .doesNotContain("0977888999").doesNotContain("977888999").doesNotContain("019186777888");

        assertThat(admin.postJson("/api/v1/traders/" + trader + "/default-account", Map.of("marketCode", "QR-T",
                "stallCode", "B-3", "accountId", bank)).status()).isEqualTo(204);
        StallCodes.StallCode second = codes.find(market, stall).orElseThrow();
        assertThat(second.verificationCode()).isNotEqualTo(first.verificationCode());
        assertThat(second.bankName()).isEqualTo("Agribank");
        assertThat(new Http(port).get("/v/" + first.verificationCode()).body()).contains("Mã này đã bị thu hồi");
        Http.Response unknown = new Http(port).get("/v/NOTACODE");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Có thể là biển giả");

        Inspections.Round round = inspections.start(market, "test");
        assertThat(inspections.check(round.id(), market, stall, second.payload(), "test"))
                .isEqualTo(Inspections.Outcome.OK);
        assertThat(inspections.check(round.id(), market, stall, first.payload(), "test"))
                .isEqualTo(Inspections.Outcome.REVOKED);
        String fraud = VietQr.encode(VietQrPayload.staticCode("970422", "6868686868"));
        assertThat(inspections.check(round.id(), market, stall, fraud, "test")).isEqualTo(Inspections.Outcome.SWAP);
        assertThat(inspections.check(round.id(), market, stall, "https://example.com", "test"))
                .isEqualTo(Inspections.Outcome.NOT_VIETQR);
        assertThat(inspections.checks(round.id())).extracting(Inspections.Check::outcome).containsExactly(
                Inspections.Outcome.OK, Inspections.Outcome.REVOKED, Inspections.Outcome.SWAP,
                Inspections.Outcome.NOT_VIETQR);
    }

    private String codesFingerprint() {
        return db.sql("SELECT count(*) || '/' || count(revoked_at) FROM stall_qr_code WHERE kind = 'STATIC'")
                .query(String.class).single();
    }

    /** Security review part 1 #20: GETs of a stall's QR or signs by read-only roles made and revoked codes. */
    @Test
    void readingCodesOrSignsChangesNothingAndStaffMakeMissingCodesByAPost() {
        // A stall with an account whose code is gone (as for data from before codes were made on writes).
        Market daiTu = markets.get("TN-DAITU");
        String stall = db.sql("""
                SELECT s.code FROM stall s JOIN stall_qr_code q ON q.stall_id = s.id AND q.revoked_at IS NULL
                WHERE s.market_id = ? AND q.kind = 'STATIC' AND s.code NOT IN ('A-1', 'A-2')
                ORDER BY s.code DESC LIMIT 1""").param(daiTu.id()).query(String.class).single();
        db.sql("UPDATE stall_qr_code SET revoked_at = now(), revoke_reason = 'TEST' WHERE stall_id = ?")
                .param(stalls.find(daiTu, stall).orElseThrow().id()).update();
        String before = codesFingerprint();

        String password = vn.cho40.demo.DemoProvince.DEMO_PASSWORD;
        for (String reader : List.of("kiemtra.thainguyen", "thungan.daitu")) {
            Http http = new Http(port).as(reader, password);
            assertThat(http.get("/admin/markets/TN-DAITU/signs.pdf").status()).isEqualTo(200);
            Http.Response api = http.get("/api/v1/markets/TN-DAITU/stalls/" + stall + "/qr");
            assertThat(api.status()).isEqualTo(404);
            assertThat(api.json().get("detail").asString()).contains("chưa có mã QR hiện hành");
            assertThat(http.get("/admin/markets/TN-DAITU/stalls/" + stall + "/qr.png").status()).isEqualTo(404);
            assertThat(http.postJson("/api/v1/markets/TN-DAITU/stalls/" + stall + "/qr/static", Map.of()).status())
                    .as(reader + " may not make codes").isEqualTo(403);
        }
        vn.cho40.WebSession trader = vn.cho40.TraderLogin.session(port, demo.demoTraderPhone(), sms, clock);
        assertThat(trader.get("/api/v1/markets/TN-DAITU/stalls/A-1/qr").status()).as("own stall").isEqualTo(200);
        assertThat(trader.get("/api/v1/markets/TN-DAITU/stalls/A-2/qr").status()).as("another's stall")
                .isEqualTo(404);
        assertThat(trader.get("/api/v1/markets/TN-DAITU/stalls/" + stall + "/qr").status()).isEqualTo(404);
        assertThat(codesFingerprint()).as("no code made or revoked by reading").isEqualTo(before);

        Http board = new Http(port).as("bql.daitu", password);
        Http.Response noCode = board.get("/api/v1/markets/TN-DAITU/stalls/" + stall + "/qr");
        assertThat(noCode.json().get("detail").asString()).as("those allowed are told how")
                .contains("POST /api/v1/markets/TN-DAITU/stalls/" + stall + "/qr/static");
        Http.Response made = board.postJson("/api/v1/markets/TN-DAITU/stalls/" + stall + "/qr/static", Map.of());
        assertThat(made.status()).isEqualTo(201);
        assertThat(board.get("/api/v1/markets/TN-DAITU/stalls/" + stall + "/qr").json().get("payload").asString())
                .isEqualTo(made.json().get("payload").asString());
        assertThat(board.postJson("/api/v1/markets/TN-DAITU/stalls/" + stall + "/qr/static", Map.of())
                .json().get("verificationCode").asString()).as("made once, then the same code")
                .isEqualTo(made.json().get("verificationCode").asString());
    }

    @Test
    void theSignsButtonMakesMissingCodesThenPrints() {
        Market du = markets.get("TN-DU");
        Stall first = stalls.list(du, null, null).getFirst();
        db.sql("UPDATE stall_qr_code SET revoked_at = now(), revoke_reason = 'TEST' WHERE stall_id = ?")
                .param(first.id()).update();
        assertThat(codes.find(du, first)).isEmpty();
        vn.cho40.WebSession board = new vn.cho40.WebSession(port, "tinh.thainguyen",
                vn.cho40.demo.DemoProvince.DEMO_PASSWORD);
        assertThat(board.get("/markets/TN-DU").body()).contains("Tạo mã cho quầy chưa có và in biển");
        Http.Response post = board.postForm("/admin/markets/TN-DU/signs", Map.of("size", "A6"), "/markets/TN-DU");
        assertThat(post.status()).isEqualTo(302);
        assertThat(post.location()).isEqualTo("/admin/markets/TN-DU/signs.pdf?size=A6");
        assertThat(codes.find(du, first)).isPresent();
    }
}
