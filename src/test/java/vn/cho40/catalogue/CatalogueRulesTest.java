package vn.cho40.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Photos resized without their metadata, the JSON-LD and the Google feed with every required attribute. */
class CatalogueRulesTest {

    private static final String GPS_MARK = "GPS-21.5942N-105.8482E";

    private static Listed tea(List<String> images) {
        return new Listed(UUID.fromString("01900000-0000-7000-8000-000000000001"), "C40-01900000-0001",
                "Chè Tân Cương <b>đặc biệt</b>", "Chè búp </script><script>alert(1)</script> sao tay", "BEVERAGE",
                "HTX chè Tân Cương", 4, true, "túi", 500, 180_000, 20, false, "TN-DAITU", "Chợ Đại Từ", List.of("A-1"),
                "https://cho40.example/dac-san/01900000-0000-7000-8000-000000000001", images);
    }

    @Test
    void photosAreResizedAndLoseTheirMetadata() throws Exception {
        byte[] withGps = jpegWithExif(2400, 1600, GPS_MARK);
        assertThat(new String(withGps, StandardCharsets.ISO_8859_1)).contains("Exif", GPS_MARK);
        ProductImages.Resized r = ProductImages.process(withGps, 5_000_000, 40_000_000);
        assertThat(r.width()).isEqualTo(2400);
        for (byte[] out : List.of(r.large(), r.medium(), r.small())) {
            String raw = new String(out, StandardCharsets.ISO_8859_1);
            assertThat(raw).as("no EXIF, no GPS").doesNotContain("Exif").doesNotContain(GPS_MARK);
        }
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(r.large()));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(r.small()));
        assertThat(large.getWidth()).isEqualTo(1200);
        assertThat(large.getHeight()).isEqualTo(800);
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(200);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB), "png", png);
        assertThat(ProductImages.process(png.toByteArray(), 5_000_000, 40_000_000).width()).isEqualTo(300);
    }

    @Test
    void whatIsNotAPhotoIsRefusedWithItsReason() throws Exception {
        assertThatThrownBy(() -> ProductImages.process("<html>not a photo</html>".getBytes(), 5_000_000, 40_000_000))
                .isInstanceOf(ProductImages.Refused.class).hasMessage("notImage");
        assertThatThrownBy(() -> ProductImages.process(jpegWithExif(2400, 1600, "x"), 1_000, 40_000_000))
                .hasMessage("tooLarge");
        assertThatThrownBy(() -> ProductImages.process(jpegWithExif(2400, 1600, "x"), 5_000_000, 1_000_000))
                .hasMessage("tooManyPixels");
        byte[] truncated = java.util.Arrays.copyOf(jpegWithExif(400, 400, "x"), 40);
        assertThatThrownBy(() -> ProductImages.process(truncated, 5_000_000, 40_000_000)).hasMessage("notImage");
    }

    @Test
    void theJsonLdIsASchemaOrgProductWithAnOfferInVnd() {
        String json = ProductJsonLd.of(tea(List.of("https://cho40.example/dac-san/anh/1/l.jpg")));
        assertThat(json).as("cannot close its script block").doesNotContain("</");
        JsonNode p = JsonMapper.builder().build().readTree(json);
        assertThat(p.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(p.get("@type").asText()).isEqualTo("Product");
        for (String field : List.of("name", "image", "description", "sku", "brand", "offers")) {
            assertThat(p.has(field)).as(field).isTrue();
        }
        assertThat(p.get("brand").get("name").asText()).isEqualTo("HTX chè Tân Cương");
        JsonNode offer = p.get("offers");
        assertThat(offer.get("@type").asText()).isEqualTo("Offer");
        assertThat(offer.get("price").asText()).isEqualTo("180000");
        assertThat(offer.get("priceCurrency").asText()).isEqualTo("VND");
        assertThat(offer.get("availability").asText()).isEqualTo("https://schema.org/InStock");
        assertThat(p.get("image").get(0).asText()).endsWith("/l.jpg");
    }

    @Test
    void theGoogleFeedHasEveryRequiredAttribute() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GoogleFeed.write("Đặc sản Chợ Đại Từ", "https://cho40.example/dac-san/cho/TN-DAITU", "test",
                List.of(tea(List.of("https://cho40.example/a/l.jpg", "https://cho40.example/b/l.jpg"))), out);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        NodeList items = doc.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(1);
        Element item = (Element) items.item(0);
        for (String attribute : List.of("id", "title", "description", "link", "image_link", "availability", "price",
                "condition", "brand")) {
            NodeList found = item.getElementsByTagNameNS(GoogleFeed.NS, attribute);
            assertThat(found.getLength()).as("g:" + attribute).isEqualTo(1);
            assertThat(found.item(0).getTextContent()).as("g:" + attribute).isNotBlank();
        }
        assertThat(item.getElementsByTagNameNS(GoogleFeed.NS, "price").item(0).getTextContent()).isEqualTo("180000 VND");
        assertThat(item.getElementsByTagNameNS(GoogleFeed.NS, "availability").item(0).getTextContent())
                .isEqualTo("in_stock");
        assertThat(item.getElementsByTagNameNS(GoogleFeed.NS, "title").item(0).getTextContent())
                .isEqualTo("Chè Tân Cương <b>đặc biệt</b>"); // text, escaped in the XML
        assertThat(item.getElementsByTagNameNS(GoogleFeed.NS, "additional_image_link").getLength()).isEqualTo(1);
    }

    @Test
    void theShopeeSheetHasItsColumns() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarketplaceFiles.shopee(List.of(tea(List.of("https://cho40.example/a/l.jpg"))), java.util.Map.of(), out);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tên sản phẩm");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).as("no id chosen: the OCOP group's name")
                    .isEqualTo("Đồ uống");
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(180_000);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).as("stock, a number").isEqualTo(20);
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(0.5);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).endsWith("/l.jpg");
        }
        assertThat(MarketplaceFiles.csv(List.of(tea(List.of())))).startsWith("sku,name,").contains("\"Chè Tân Cương");
        out.reset();
        MarketplaceFiles.shopee(List.of(tea(List.of())), java.util.Map.of("BEVERAGE", "100629"), out);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).as("the board's Shopee id")
                    .isEqualTo(100629);
        }
    }

    @Test
    void anOrdersNoteNamesItsItemsAndWhereItGoes() {
        assertThat(OrderNotes.line("DHTNDAITU-1A2B3C", "Chè Tân Cương", 2, "túi", false))
                .isEqualTo("Đơn DHTNDAITU-1A2B3C: Chè Tân Cương × 2 túi, nhận tại quầy");
        assertThat(OrderNotes.line("DHTNDAITU-1A2B3C", "Miến dong", 1, "gói", true)).endsWith("giao theo ghi chú của người mua");
    }

    @Test
    void theOcopGroupsComeFromTheirDataFile() {
        assertThat(OcopGroups.all()).extracting(OcopGroups.Group::code)
                .containsExactly("FOOD", "BEVERAGE", "HERBAL", "TEXTILE", "HANDICRAFT", "TOURISM");
    }

    /** A JPEG with an APP1 Exif segment whose ImageDescription carries {@code mark} and an IFD pointing at GPS. */
    static byte[] jpegWithExif(int width, int height, String mark) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] ascii = (mark + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF: header, IFD0 with ImageDescription (ASCII) and GPSInfo (pointer to an empty GPS IFD), the text.
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 4 + ascii.length).order(ByteOrder.LITTLE_ENDIAN);
        int gpsIfd = 8 + 2 + 24 + 4;
        int text = gpsIfd + 6;
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(ascii.length).putInt(text);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        tiff.putShort((short) 0).putInt(0);
        tiff.put(ascii);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
