package vn.cho40.vietqr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
                assertThat(scanned).isEqualTo(codes.current(dan, stall).orElseThrow().payload());
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
        assertThat(scanned).isEqualTo(codes.current(dan, stalls.find(dan, "A-2").orElseThrow()).orElseThrow().payload());
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
        StallCodes.StallCode first = codes.current(market, stall).orElseThrow();
        assertThat(first.bankName()).isEqualTo("ViettelMoney");
        assertThat(codes.current(market, stall).orElseThrow().verificationCode()).isEqualTo(first.verificationCode());

        Http.Response page = new Http(port).get("/v/" + first.verificationCode());
        // The name exactly as the sign prints it (public at the stall, and the payer's bank app shows it), nothing more.
        assertThat(page.body()).contains("Chợ kiểm tra mã", "B-3", "VI THI NGA", "Đây là mã hiện hành")
                .doesNotContain("0977888999").doesNotContain("977888999").doesNotContain("019186777888");

        assertThat(admin.postJson("/api/v1/traders/" + trader + "/default-account", Map.of("marketCode", "QR-T",
                "stallCode", "B-3", "accountId", bank)).status()).isEqualTo(204);
        StallCodes.StallCode second = codes.current(market, stall).orElseThrow();
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
}
