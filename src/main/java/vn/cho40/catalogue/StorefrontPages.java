package vn.cho40.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.vietqr.QrImages;

/**
 * The public storefront (no login): local products searched without diacritics, a market's products, a product's
 * page with its JSON-LD for search engines, its photos (cached), the order form and the buyer's order page with the
 * QR to pay, and the sitemap.
 */
@Controller
class StorefrontPages {

    private final Storefront storefront;
    private final Products products;
    private final Orders orders;
    private final Markets markets;
    private final FormErrors formErrors;

    StorefrontPages(Storefront storefront, Products products, Orders orders, Markets markets, FormErrors formErrors) {
        this.storefront = storefront;
        this.products = products;
        this.orders = orders;
        this.markets = markets;
        this.formErrors = formErrors;
    }

    @GetMapping("/dac-san")
    String index(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("products", storefront.search(q, 60));
        model.addAttribute("markets", storefront.marketsWithProducts());
        return "catalogue/storefront";
    }

    @GetMapping("/dac-san/cho/{code}")
    String market(@PathVariable String code, @RequestParam(required = false) String q, Model model) {
        var market = markets.find(code).orElseThrow(() -> new NotFoundException("market.notFound", code));
        model.addAttribute("market", market);
        model.addAttribute("q", q);
        model.addAttribute("products", storefront.ofMarket(market.code(), q));
        return "catalogue/market";
    }

    @GetMapping("/dac-san/{id}")
    String product(@PathVariable UUID id, Model model) {
        return productPage(id, Map.of("quantity", "1"), Map.of(), model);
    }

    private String productPage(UUID id, Map<String, String> form, Map<String, String> errors, Model model) {
        Listed p = storefront.product(id).orElseThrow(() -> new NotFoundException("catalogue.product.notFound", id));
        model.addAttribute("p", p);
        model.addAttribute("jsonLd", ProductJsonLd.of(p));
        model.addAttribute("group", OcopGroups.find(p.groupCode()).orElse(null));
        model.addAttribute("photos", products.photoIds(id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "catalogue/product";
    }

    @GetMapping("/dac-san/anh/{id}/{size}.jpg")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable String size) {
        byte[] jpeg = storefront.photo(id, size).orElseThrow(() -> new NotFoundException("catalogue.photo.notFound", id));
        // A photo never changes under its id (a new photo is a new id): cached for a year.
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + id + "-" + size + "\"").body(jpeg);
    }

    @PostMapping("/dac-san/{id}/dat-hang")
    String order(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        try {
            Orders.Order o = orders.place(id, form.get("stallCode"), form.get("quantity"), form.get("buyerName"),
                    form.get("phone"), form.get("note"));
            return "redirect:/dac-san/don-hang/" + o.number() + "?t=" + o.accessToken();
        } catch (InvalidInputException e) {
            return productPage(id, form, formErrors.of(e), model);
        }
    }

    @GetMapping("/dac-san/don-hang/{number}")
    String orderPage(@PathVariable String number, @RequestParam(name = "t", required = false) String token, Model model) {
        Orders.Order o = orders.forBuyer(number, token).orElseThrow(() -> new NotFoundException("catalogue.order.notFound", number));
        model.addAttribute("order", o);
        if (o.status() == Orders.Status.AWAITING_PAYMENT) {
            orders.qrPayload(o).ifPresent(payload -> model.addAttribute("png",
                    java.util.Base64.getEncoder().encodeToString(QrImages.screenPng(payload, 600))));
        }
        return "catalogue/order";
    }

    @GetMapping(value = "/sitemap.xml", produces = "application/xml")
    void sitemap(HttpServletResponse response) throws IOException {
        response.setContentType("application/xml;charset=UTF-8");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String base = storefront.base();
        xml.append("  <url><loc>").append(base).append("/dac-san</loc></url>\n");
        for (var m : storefront.marketsWithProducts()) {
            xml.append("  <url><loc>").append(base).append("/dac-san/cho/").append(m.getKey()).append("</loc></url>\n");
        }
        for (UUID id : storefront.allProductIds()) {
            xml.append("  <url><loc>").append(storefront.link(id)).append("</loc></url>\n");
        }
        xml.append("</urlset>\n");
        response.getOutputStream().write(xml.toString().getBytes(StandardCharsets.UTF_8));
    }
}
