package vn.cho40.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org {@code Product} of a product page, as JSON-LD, so search engines list it: name, image, description,
 * sku, brand (the producer), and an offer with its price in VND, availability and link. Escaped for a script block
 * (no "<" at all, so nothing in a description can close or open a tag). Pure Java.
 */
final class ProductJsonLd {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ProductJsonLd() {
    }

    static String of(Listed p) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("price", String.valueOf(p.priceVnd()));
        offer.put("priceCurrency", "VND");
        offer.put("availability", switch (p.availability()) {
            case "in_stock" -> "https://schema.org/InStock";
            case "backorder" -> "https://schema.org/BackOrder";
            default -> "https://schema.org/OutOfStock";
        });
        offer.put("url", p.link());
        offer.put("itemCondition", "https://schema.org/NewCondition");
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", p.name());
        product.put("image", p.imageLinks().isEmpty() ? List.of() : p.imageLinks());
        product.put("description", p.description());
        product.put("sku", p.sku());
        product.put("brand", Map.of("@type", "Brand", "name", p.producer()));
        product.put("offers", offer);
        return JSON.writeValueAsString(product).replace("<", "\\u003c"); // nothing can open or close a tag
    }
}
