package vn.cho40.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * A product as the public sees it (storefront, JSON-LD, feeds): absolute links, price in đồng, availability, the
 * producer as the brand, the market and stall where it is sold. No person's data.
 */
public record Listed(UUID id, String sku, String name, String description, String groupCode, String producer,
                     Integer ocopStars, boolean certificateValid, String unit, Integer weightG, long priceVnd,
                     boolean inStock, boolean madeToOrder, String marketCode, String marketName, String stallCode,
                     String link, List<String> imageLinks) {

    public Listed {
        imageLinks = List.copyOf(imageLinks);
    }

    /** The first photo's thumbnail, as a path on this site (pages use paths; feeds the absolute links). */
    public String thumbnailPath() {
        if (imageLinks.isEmpty()) {
            return null;
        }
        String first = imageLinks.getFirst();
        return first.substring(first.indexOf("/dac-san/anh/")).replace("/l.jpg", "/s.jpg");
    }

    /** schema.org and Google's availability: in stock, made to order (back order), or out of stock. */
    public String availability() {
        return inStock ? "in_stock" : madeToOrder ? "backorder" : "out_of_stock";
    }
}
