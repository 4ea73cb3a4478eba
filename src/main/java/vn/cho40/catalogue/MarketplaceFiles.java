package vn.cho40.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The files a board uploads to marketplaces without a feed: Shopee's mass-upload sheet (the columns its add-item
 * needs: name, description, category, price, stock, weight, images) and a plain CSV. Pure Java.
 */
final class MarketplaceFiles {

    static final List<String> SHOPEE_COLUMNS = List.of("Tên sản phẩm", "Mô tả sản phẩm", "Ngành hàng", "SKU sản phẩm",
            "Giá", "Kho hàng", "Cân nặng (kg)", "Ảnh bìa", "Hình ảnh sản phẩm 1", "Hình ảnh sản phẩm 2", "Thương hiệu");

    private MarketplaceFiles() {
    }

    /**
     * One row per product; the category is the Shopee id the board chose for the product's OCOP group, else the
     * group's name (Shopee then asks for it on upload); the stock a number, as Shopee wants.
     */
    static void shopee(List<Listed> products, java.util.Map<String, String> categoryIds, OutputStream out) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            var sheet = book.createSheet("Shopee");
            var header = sheet.createRow(0);
            for (int c = 0; c < SHOPEE_COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(SHOPEE_COLUMNS.get(c));
            }
            int r = 1;
            for (Listed p : products) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.name());
                row.createCell(1).setCellValue(p.description());
                String category = categoryIds.get(p.groupCode());
                if (category != null) {
                    row.createCell(2).setCellValue(Long.parseLong(category));
                } else {
                    row.createCell(2).setCellValue(OcopGroups.find(p.groupCode()).map(OcopGroups.Group::nameVi).orElse(""));
                }
                row.createCell(3).setCellValue(p.sku());
                row.createCell(4).setCellValue(p.priceVnd());
                row.createCell(5).setCellValue(p.stock());
                if (p.weightG() != null) {
                    row.createCell(6).setCellValue(p.weightG() / 1000.0);
                }
                for (int i = 0; i < Math.min(3, p.imageLinks().size()); i++) {
                    row.createCell(7 + i).setCellValue(p.imageLinks().get(i));
                }
                row.createCell(10).setCellValue(p.producer());
            }
            book.write(out);
            book.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(List<Listed> products) {
        StringBuilder out = new StringBuilder("sku,name,description,category,price_vnd,availability,weight_g,link,image_link,brand\n");
        for (Listed p : products) {
            out.append(String.join(",", p.sku(), q(p.name()), q(p.description()), q(p.groupCode()),
                    String.valueOf(p.priceVnd()), p.availability(), p.weightG() == null ? "" : p.weightG().toString(),
                    q(p.link()), q(p.imageLinks().isEmpty() ? "" : p.imageLinks().getFirst()), q(p.producer())))
                    .append('\n');
        }
        return out.toString();
    }

    private static String q(String s) {
        return "\"" + (s == null ? "" : s.replace("\"", "\"\"")) + "\"";
    }
}
