package vn.cho40.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.ledger.Accounts;
import vn.cho40.ledger.Ledger;
import vn.cho40.payment.MatchAll;
import vn.cho40.payment.PaymentMatcher;
import vn.cho40.payment.WebhookSigner;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.traderapp.RevenueBook;

/**
 * A board adds a product and its photo, the storefront and the feeds show it, bad input is refused with nothing
 * saved, and an order paid by a webhook naming its code turns paid, lands in the trader's takings and counts for the
 * rollout's "products online".
 */
@IntegrationTest
class CatalogueIT {

    private static final String PW = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    /** The platform's clock: other tests move it on (logins), and "today" in the revenue book follows it. */
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    PaymentMatcher matcher;
    @Autowired
    FieldCipher cipher;
    @Autowired
    RevenueBook book;
    @Autowired
    Orders orders;
    @Autowired
    ProductFigures figures;
    @Autowired
    vn.cho40.payment.PaymentNotes notes;
    @Autowired
    Ledger ledger;

    private static Map<String, String> product(String name) {
        Map<String, String> f = new HashMap<>(Map.of("market", "TN-DAITU", "name", name,
                "description", "Chè búp <script>alert('x')</script> sao tay, hương cốm.", "group", "BEVERAGE",
                "producerName", "Hộ bà Lê Thị Thu", "producerKind", "HOUSEHOLD", "unit", "túi", "weightG", "500",
                "price", "150.000", "stock", "20"));
        f.put("stallCode", "A-3");
        return f;
    }

    private long products() {
        return db.sql("SELECT count(*) FROM product").query(Long.class).single();
    }

    @Test
    void aBoardAddsAProductTheStorefrontAndFeedsShowIt() throws Exception {
        WebSession board = new WebSession(port, "bql.daitu", PW);
        Http.Response created = board.postForm("/products", product("Chè móc câu Khe Cốc"), "/products");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = created.location().substring(created.location().lastIndexOf('/') + 1);
        Http.Response photo = board.upload("/products/" + id + "/photos", "photo", "che.jpg",
                CatalogueRulesTest.jpegWithExif(1600, 1200, "GPS-ZZZ"), "/products/" + id);
        assertThat(photo.status()).as(photo.body()).isEqualTo(302);
        WebSession anyone = new WebSession(port, null, null);
        Http.Response page = anyone.get("/dac-san/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Chè móc câu Khe Cốc", "150.000", "application/ld+json", "quầy A-3")
                .as("a description is shown as text, never run").doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert");
        assertThat(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("small for 3G").isLessThan(20_000);
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page.body());
        assertThat(ld.find()).isTrue();
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ld.group(1));
        assertThat(json.get("offers").get("price").asText()).isEqualTo("150000");
        String image = json.get("image").get(0).asText();
        String imagePath = image.substring(image.indexOf("/dac-san/anh/"));
        byte[] jpeg = anyone.getBytes(imagePath);
        assertThat(new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GPS-ZZZ");
        assertThat(anyone.get("/dac-san?q=che%20moc%20cau%20khe%20coc").body()).contains("Chè móc câu Khe Cốc");
        assertThat(anyone.get("/dac-san/cho/TN-DAITU?q=khe%20coc").body()).contains("Chè móc câu Khe Cốc");
        assertThat(anyone.get("/sitemap.xml").body()).contains("/dac-san/" + id);
        for (String feed : List.of("/feeds/google/TN-DAITU.xml", "/feeds/google/province/19.xml")) {
            byte[] xml = anyone.getBytes(feed);
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            var items = doc.getElementsByTagName("item");
            assertThat(items.getLength()).isPositive();
            boolean found = false;
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                for (String a : List.of("id", "title", "description", "link", "image_link", "availability", "price",
                        "condition", "brand")) {
                    assertThat(item.getElementsByTagNameNS(GoogleFeed.NS, a).getLength()).as(feed + " g:" + a)
                            .isEqualTo(1);
                }
                found |= item.getElementsByTagNameNS(GoogleFeed.NS, "title").item(0).getTextContent()
                        .equals("Chè móc câu Khe Cốc");
                assertThat(item.getElementsByTagNameNS(GoogleFeed.NS, "price").item(0).getTextContent())
                        .matches("[0-9]+ VND");
            }
            assertThat(found).as(feed).isTrue();
        }
        assertThat(board.getBytes("/products/shopee.xlsx?market=TN-DAITU").length).isPositive();
        // Shopee's category ids are the board's to give: a word is refused, a number goes into the sheet.
        assertThat(board.get("/products?market=TN-DAITU").body()).contains("id=\"unmapped\"");
        Map<String, String> ids = new HashMap<>(Map.of("market", "TN-DAITU", "BEVERAGE", "chè"));
        assertThat(board.postForm("/products/categories", ids, "/products/categories?market=TN-DAITU").body())
                .contains("phải là một số");
        ids.put("BEVERAGE", "100629");
        assertThat(board.postForm("/products/categories", ids, "/products/categories?market=TN-DAITU").status())
                .isEqualTo(302);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                board.getBytes("/products/shopee.xlsx?market=TN-DAITU")))) {
            var sheet = book.getSheetAt(0);
            boolean mapped = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("Chè móc câu Khe Cốc")) {
                    mapped = sheet.getRow(r).getCell(2).getNumericCellValue() == 100629;
                }
            }
            assertThat(mapped).as("the tea's row carries the board's Shopee category id").isTrue();
        }
        // Several stalls sell it: the first is the default pickup, a buyer may choose another, not one outside.
        Map<String, String> two = product("Chè móc câu Khe Cốc");
        two.put("stallCode", "a-3, A-1");
        assertThat(board.postForm("/products/" + id, two, "/products/" + id).status()).isEqualTo(302);
        two.put("stallCode", "A-3, ZZ-9");
        assertThat(board.postForm("/products/" + id, two, "/products/" + id).body()).contains("không có quầy ZZ-9");
        assertThat(anyone.get("/dac-san/" + id).body()).contains("quầy A-3, A-1", "name=\"stallCode\"");
        Orders.Order atA1 = orders.place(UUID.fromString(id), "A-1", "1", "Đặng Văn Mua", "0912000111", null);
        assertThat(atA1.stallCode()).isEqualTo("A-1");
        assertThat(orders.place(UUID.fromString(id), null, "1", "Đặng Văn Mua", "0912000111", null).stallCode())
                .isEqualTo("A-3");
        Http.Response elsewhere = anyone.postForm("/dac-san/" + id + "/dat-hang", Map.of("stallCode", "B-9",
                "quantity", "1", "buyerName", "Đặng Văn Mua", "phone", "0912000111"), "/dac-san/" + id);
        assertThat(elsewhere.body()).contains("Hãy chọn một trong các quầy bán sản phẩm này: A-3, A-1");
        // A stall of another market of the province sells it too: the province may say so, Đại Từ's board may not.
        record Far(String market, String stall) {
        }
        Far far = db.sql("""
                SELECT m.code, s.code FROM stall s JOIN market m ON m.id = s.market_id
                JOIN lease l ON l.stall_id = s.id AND l.ends_on IS NULL
                JOIN stall_default_account d ON d.stall_id = s.id
                WHERE m.province_code = '19' AND m.code <> 'TN-DAITU' ORDER BY m.code, s.code LIMIT 1""")
                .query((rs, n) -> new Far(rs.getString(1), rs.getString(2))).single();
        two.put("stallCode", "A-3, " + far.market() + "/" + far.stall());
        assertThat(board.postForm("/products/" + id, two, "/products/" + id).body())
                .contains("Không có chợ " + far.market() + " trong tỉnh mà bạn quản lý");
        WebSession province = new WebSession(port, "tinh.thainguyen", PW);
        assertThat(province.postForm("/products/" + id, two, "/products/" + id).status()).isEqualTo(302);
        assertThat(anyone.get("/dac-san/cho/" + far.market()).body()).as("on the other market's storefront")
                .contains("Chè móc câu Khe Cốc");
        Orders.Order there = orders.place(UUID.fromString(id), far.market() + "/" + far.stall(), "1", "Đặng Văn Mua",
                "0912000111", null);
        assertThat(there.marketCode() + "/" + there.stallCode()).isEqualTo(far.market() + "/" + far.stall());
        Http.Response listing = board.postForm("/products/" + id + "/listings", Map.of("marketplace", "Shopee",
                "url", "https://shopee.vn/che-moc-cau-khe-coc"), "/products/" + id);
        assertThat(listing.status()).isEqualTo(302);
        assertThat(new WebSession(port, "bql.bunglao", PW).get("/products/" + id).status())
                .as("another market's product").isEqualTo(404);
        assertThat(figures.perMarket("19", YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))))
                .as("the rollout sees the market's products online").containsKey(daiTu());
    }

    @Test
    void aTechMemberAddingAProductForAStallCountsItAsTheirHelp() {
        WebSession member = new WebSession(port, "tocongnghe.daiphuc", PW);
        Map<String, String> form = product("Bánh chưng Bờ Đậu");
        form.put("stallCode", "A-7");
        Http.Response created = member.postForm("/products", form, "/products");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = created.location().substring(created.location().lastIndexOf('/') + 1);
        assertThat(db.sql("SELECT count(*) FROM tech_activity WHERE kind = 'ECOMMERCE_LISTING' AND notes = ?")
                .param("Bánh chưng Bờ Đậu").query(Long.class).single()).isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM product WHERE id = ?::uuid").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() throws Exception {
        WebSession board = new WebSession(port, "bql.daitu", PW);
        long before = products();
        Map<String, String> free = product("Trà xanh thử giá");
        free.put("price", "0");
        assertThat(board.postForm("/products", free, "/products").body()).contains("Giá phải là số tiền lớn hơn 0 đồng");
        free.put("price", "-5000");
        assertThat(board.postForm("/products", free, "/products").body()).contains("Giá phải là số tiền lớn hơn 0 đồng");
        Map<String, String> expired = product("Trà xanh OCOP cũ");
        expired.putAll(Map.of("stars", "4", "certificateNo", "OCOP-TN-2019-1", "certificateOn", "2019-01-01",
                "certificateUntil", "2022-01-01"));
        assertThat(board.postForm("/products", expired, "/products").body())
                .contains("Giấy chứng nhận OCOP đã hết hiệu lực từ 01/01/2022");
        Map<String, String> noStock = product("Trà không kho");
        noStock.remove("stock");
        assertThat(board.postForm("/products", noStock, "/products").body()).contains("làm theo đơn đặt");
        assertThat(products()).as("nothing half-saved").isEqualTo(before);
        Map<String, String> twice = product("Chè Thái Nguyên lần hai");
        assertThat(board.postForm("/products", twice, "/products").status()).isEqualTo(302);
        twice.put("name", "CHE THAI NGUYEN lan hai"); // the same once folded
        assertThat(board.postForm("/products", twice, "/products").body()).contains("Chợ đã có sản phẩm");
        String id = db.sql("SELECT id::text FROM product WHERE name = 'Chè Thái Nguyên lần hai'").query(String.class).single();
        Http.Response notImage = board.upload("/products/" + id + "/photos", "photo", "x.jpg",
                "<html>not a photo</html>".getBytes(), "/products/" + id);
        assertThat(notImage.body()).contains("không phải ảnh JPEG, PNG hay WebP");
        Http.Response huge = board.upload("/products/" + id + "/photos", "photo", "x.jpg", new byte[4_500_000],
                "/products/" + id);
        assertThat(huge.body()).contains("Ảnh lớn hơn 4 MB");
        assertThat(db.sql("SELECT count(*) FROM product_photo WHERE product_id = ?::uuid").param(id).query(Long.class)
                .single()).isZero();
        assertThat(new WebSession(port, "thungan.daitu", PW).postForm("/products", product("Thu ngân thêm"), "/products")
                .status()).as("a cashier keeps no catalogue").isEqualTo(403);
    }

    @Test
    void anOrderPaidByAWebhookNamingItsCodeIsPaidAndInTheTakings() throws Exception {
        UUID product = db.sql("SELECT id FROM product WHERE name = 'Chè Tân Cương đặc biệt'").query(UUID.class).single();
        WebSession buyer = new WebSession(port, null, null);
        Http.Response bad = buyer.postForm("/dac-san/" + product + "/dat-hang", Map.of("quantity", "0",
                "buyerName", "A", "phone", "123"), "/dac-san/" + product);
        assertThat(bad.body()).contains("Số lượng từ 1 đến 1.000", "Số điện thoại không hợp lệ");
        Http.Response placed = buyer.postForm("/dac-san/" + product + "/dat-hang", Map.of("quantity", "2",
                "buyerName", "Trần Văn Khách", "phone", "0912345678", "note", "lấy chiều nay"), "/dac-san/" + product);
        assertThat(placed.status()).as(placed.body()).isEqualTo(302);
        String orderPage = placed.location();
        String number = orderPage.substring(orderPage.lastIndexOf('/') + 1, orderPage.indexOf('?'));
        Http.Response page = buyer.get(orderPage);
        assertThat(page.body()).contains("Chờ thanh toán", "order-qr", "360.000");
        assertThat(buyer.get("/dac-san/don-hang/" + number + "?t=wrong").status()).as("the link's secret").isEqualTo(404);
        Orders.Order order = orders.forBuyer(number, orderPage.substring(orderPage.indexOf("?t=") + 3)).orElseThrow();
        assertThat(order.totalVnd()).isEqualTo(360_000);
        long takingsBefore = book.takings(order.traderId()).day().transferVnd();
        pay(order);
        Orders.Order paid = orders.get(order.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(Orders.Status.PAID);
        assertThat(book.takings(order.traderId()).day().transferVnd()).as("in the revenue book")
                .isEqualTo(takingsBefore + 360_000);
        assertThat(buyer.get(orderPage).body()).contains("Đã thanh toán").doesNotContain("order-qr");
        UUID paymentId = db.sql("SELECT payment_event_id FROM product_order WHERE id = ?").param(order.id())
                .query(UUID.class).single();
        assertThat(notes.notes(List.of(paymentId))).as("the trader's phone says what was bought")
                .containsEntry(paymentId, "Đơn " + number + ": Chè Tân Cương đặc biệt × 2 túi, giao theo ghi chú của người mua");
        // The buyer changes their mind after paying: the trader cancels, the refund is in the order and the books.
        long takingsInBooks = ledger.balance(order.marketId(), Accounts.trader(order.traderId()));
        var revenueBefore = book.takings(order.traderId()).day();
        Orders.Order cancelled = orders.cancel(order.traderId(), order.id(), "khách đổi ý");
        assertThat(cancelled.status()).isEqualTo(Orders.Status.CANCELLED);
        assertThat(cancelled.refundVnd()).isEqualTo(360_000);
        assertThat(ledger.balance(order.marketId(), Accounts.trader(order.traderId())) - takingsInBooks)
                .as("the trader's takings in the books go down by the refund").isEqualTo(360_000);
        assertThat(ledger.balance(order.marketId(), Accounts.refunds(order.traderId()))).isEqualTo(-360_000);
        var revenueAfter = book.takings(order.traderId()).day();
        assertThat(revenueAfter.refundVnd() - revenueBefore.refundVnd()).as("the revenue book shows the refund")
                .isEqualTo(360_000);
        assertThat(revenueBefore.totalVnd() - revenueAfter.totalVnd()).as("and the day's revenue is net of it")
                .isEqualTo(360_000);
        assertThat(ledger.trialBalance(order.marketId()).stream().mapToLong(Ledger.AccountBalance::balanceVnd).sum())
                .as("the books still balance").isZero();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> orders.handOver(order.traderId(), order.id())))
                .isInstanceOf(vn.cho40.shared.InvalidInputException.class);
        // Another order is paid and handed over; a third is cancelled before payment: no refund. Nothing is deleted.
        Orders.Order second = orders.place(product, "1", "Lò Thị Mai", "0987654321", null);
        pay(second);
        assertThat(orders.handOver(order.traderId(), second.id()).status()).isEqualTo(Orders.Status.HANDED_OVER);
        Orders.Order third = orders.place(product, "1", "Lò Thị Mai", "0987654321", null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> orders.handOver(order.traderId(), third.id())))
                .as("not paid yet").isInstanceOf(vn.cho40.shared.InvalidInputException.class);
        assertThat(orders.cancel(order.traderId(), third.id(), "hết hàng").refundVnd()).isZero();
        assertThat(db.sql("SELECT count(*) FROM product_order WHERE id IN (?, ?)").params(order.id(), second.id())
                .query(Long.class).single()).isEqualTo(2);
        Http.Response app = new Http(port).get("/dac-san/" + product);
        assertThat(app.status()).isEqualTo(200);
    }

    /** The buyer's bank reports the transfer to the stall's account with the order's code in its text. */
    private void pay(Orders.Order order) throws Exception {
        byte[] enc = db.sql("""
                SELECT a.account_enc FROM stall_default_account d JOIN receiving_account a ON a.id = d.account_id
                JOIN stall s ON s.id = d.stall_id JOIN market m ON m.id = s.market_id
                WHERE m.code = ? AND s.code = ?""").params(order.marketCode(), order.stallCode()).query(byte[].class)
                .single();
        long txn = Math.abs(System.nanoTime() % 1_000_000_000L);
        var signed = WebhookSigner.payOs(new WebhookSigner.Transfer(txn, "FT-ORDER-" + txn, cipher.decrypt("account", enc),
                order.totalVnd(), true, clock.instant(), "TRAN VAN KHACH " + order.paymentCode() + " chuyen tien"),
                "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + signed.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach(b::header);
        assertThat(HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        MatchAll.now(matcher, db);
    }

    private UUID daiTu() {
        return db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
    }
}
