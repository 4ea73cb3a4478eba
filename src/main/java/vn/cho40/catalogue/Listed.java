package vn.cho40.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * A product as the public sees it (storefront, JSON-LD, feeds): absolute links, price in đồng, availability, the
 * producer as the brand, the market and stall where it is sold. No person's data.
 */
public record Listed(UUID id, String sku, String name, String description, String groupCode, String producer,
                     Integer ocopStars, boolean certificateValid, String unit, Integer weightG, long priceVnd,
                     int stock, boolean madeToOrder, String marketCode, String marketName, List<String> stalls,
                     String link, List<String> imageLinks) {

    public Listed {
        stalls = List.copyOf(stalls);
        imageLinks = List.copyOf(imageLinks);
    }

    /** The stalls that sell it, "A-1, B-2", the first where a buyer picks up by default; null when the board sells it. */
    public String stallCode() {
        return stalls.isEmpty() ? null : String.join(", ", stalls);
    }

    /** The first photo's thumbnail, as a path on this site (pages use paths; feeds the absolute links). */
    public String thumbnailPath() {
        if (imageLinks.isEmpty()) {
            return null;
        }
        String first = imageLinks.getFirst();
        return first.substring(first.indexOf("/dac-san/anh/")).replace("/l.jpg", "/s.jpg");
    }

    public boolean inStock() {
        return stock > 0;
    }

    /** schema.org and Google's availability: in stock, made to order (back order), or out of stock. */
    public String availability() {
        return inStock() ? "in_stock" : madeToOrder ? "backorder" : "out_of_stock";
    }
}
