package vn.cho40.catalogue;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;

/**
 * The demo's local products, through the same service boards use: Tân Cương tea at Đại Từ, Bắc Kạn seedless
 * persimmons and dong riềng noodles, Điện Biên rice; each with a placeholder photo drawn here (a coloured card with
 * the product's name), never copied from anywhere; one listing recorded. Runs after the other demos, never twice.
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class CatalogueDemo implements ApplicationRunner {

    private record Demo(String market, String stall, String name, String nameEn, String description, String group,
                        String producer, String kind, Integer stars, String certificate, String price, String unit,
                        Integer weightG, String stock, Color color, String listing) {
    }

    private static final List<Demo> PRODUCTS = List.of(
            new Demo("TN-DAITU", "A-1", "Chè Tân Cương đặc biệt", "Tan Cuong green tea",
                    "Chè búp sao tay vùng Tân Cương, nước xanh, vị chát dịu, hậu ngọt. Túi 500 g, bảo quản nơi khô mát.",
                    "BEVERAGE", "HTX chè Tân Cương Hoàng Bình", "COOPERATIVE", 4, "OCOP-TN-2024-0112", "180.000", "túi",
                    500, "40", new Color(0x2e7d32), "https://san-mau.example/che-tan-cuong-dac-biet"),
            new Demo("TN-DAITU", "A-2", "Mật ong rừng Đại Từ", null,
                    "Mật ong khai thác từ rừng phía tây Tam Đảo, đóng chai thủy tinh 500 ml.", "FOOD",
                    "Hộ ông Nguyễn Văn Thành", "HOUSEHOLD", null, null, "250.000", "chai", 700, "15",
                    new Color(0xc77700), null),
            new Demo("TN-DUCXUAN", "A-1", "Hồng không hạt Bắc Kạn", "Bac Kan seedless persimmon",
                    "Hồng không hạt Quang Thuận, chín tự nhiên, giòn ngọt; bán theo mùa từ tháng 9 đến tháng 11.",
                    "FOOD", "HTX Hồng không hạt Quang Thuận", "COOPERATIVE", 4, "OCOP-BK-2023-0045", "60.000", "kg",
                    1000, null, new Color(0xe65100), null),
            new Demo("TN-SONGCAU", "A-1", "Miến dong riềng Bắc Kạn", "Bac Kan arrowroot noodles",
                    "Miến làm từ tinh bột dong riềng, sợi dai, không chất tẩy trắng. Gói 500 g.", "FOOD",
                    "HTX Miến dong Côn Minh", "COOPERATIVE", 3, "OCOP-BK-2022-0017", "55.000", "gói", 500, "120",
                    new Color(0x6d4c41), null),
            new Demo("DB-BUNGLAO", "A-1", "Gạo Điện Biên", "Dien Bien rice",
                    "Gạo tẻ cánh đồng Mường Thanh, hạt dẻo thơm. Túi 5 kg.", "FOOD", "HTX Nông nghiệp Mường Thanh",
                    "COOPERATIVE", 3, "OCOP-DB-2023-0031", "120.000", "túi", 5000, "60", new Color(0x558b2f), null));

    private final Products products;
    private final Markets markets;
    private final JdbcClient db;

    CatalogueDemo(Products products, Markets markets, JdbcClient db) {
        this.products = products;
        this.markets = markets;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (db.sql("SELECT EXISTS (SELECT 1 FROM product)").query(Boolean.class).single()) {
            return;
        }
        String from = products.today().minusMonths(6).toString();
        String until = products.today().plusYears(2).toString();
        for (Demo d : PRODUCTS) {
            Market m = markets.find(d.market()).orElse(null);
            if (m == null) {
                continue;
            }
            var p = products.create(m, new Products.Form(d.name(), d.nameEn(), d.description(), d.group(), d.producer(),
                    d.kind(), null, d.stars() == null ? null : d.stars().toString(), d.certificate(),
                    d.stars() == null ? null : from, d.stars() == null ? null : until, d.unit(),
                    d.weightG() == null ? null : d.weightG().toString(), d.price(), d.stock(), d.stock() == null,
                    d.stall()), card(d.name(), d.color()), "demo");
            if (d.listing() != null) {
                // An example address (RFC 2606), never a real marketplace's: the demo invents no listing anyone could follow.
                products.addListing(m, p.id(), "Sàn mẫu (demo)", d.listing(), null, "demo");
            }
        }
    }

    /** A placeholder photo: the product's name on a card of its colour. */
    static byte[] card(String name, Color color) {
        BufferedImage image = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, color.brighter(), 800, 800, color.darker()));
        g.fillRect(0, 0, 800, 800);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        int y = 360;
        for (String line : wrap(name, 18)) {
            int w = g.getFontMetrics().stringWidth(line);
            g.drawString(line, (800 - w) / 2, y);
            y += 72;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        g.drawString("ảnh minh hoạ · cho40", 250, 740);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
