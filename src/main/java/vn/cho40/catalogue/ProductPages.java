package vn.cho40.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.XlsxTable;

/**
 * The board's pages (and the tech team's, and the province's) for a market's local products: the list with the
 * marketplace exports, a product's form with its photos and listings.
 */
@Controller
class ProductPages {

    private final Products products;
    private final Storefront storefront;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;
    private final MarketplaceCategories categories;

    ProductPages(Products products, Storefront storefront, Markets markets, Access access, FormErrors formErrors,
                 MarketplaceCategories categories) {
        this.categories = categories;
        this.products = products;
        this.storefront = storefront;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/products")
    String list(@RequestParam(required = false) String market, @RequestParam(required = false) String q, Model model) {
        CurrentUser user = access.requirePermission(Permission.PRODUCT_EDIT);
        List<MarketListing> inScope = markets.inScope(user.scope());
        String code = market != null && !market.isBlank() ? market : inScope.isEmpty() ? null : inScope.getFirst().code();
        model.addAttribute("markets", inScope);
        if (code != null) {
            Market m = markets.forStaff(code, Permission.PRODUCT_EDIT);
            model.addAttribute("market", m);
            List<Products.Product> list = products.ofMarket(m.id(), q);
            model.addAttribute("products", list);
            Map<String, String> ids = categories.shopee(m);
            // The groups of this market's products that Shopee's sheet still needs a category id for.
            model.addAttribute("unmapped", list.stream().map(Products.Product::group).distinct()
                    .filter(g -> !ids.containsKey(g)).flatMap(g -> OcopGroups.find(g).stream()).toList());
        }
        model.addAttribute("q", q);
        model.addAttribute("today", products.today());
        return "catalogue/list";
    }

    @GetMapping("/products/new")
    String form(@RequestParam String market, Model model) {
        Market m = markets.forStaff(market, Permission.PRODUCT_EDIT);
        return formPage(m, null, Map.of("producerKind", "HOUSEHOLD", "group", "FOOD"), Map.of(), model);
    }

    private String formPage(Market m, Products.Product p, Map<String, String> form, Map<String, String> errors,
                            Model model) {
        model.addAttribute("market", m);
        model.addAttribute("product", p);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", OcopGroups.all());
        model.addAttribute("maxMb", products.maxPhotoBytes() / 1_000_000);
        if (p != null) {
            model.addAttribute("photos", products.photoIds(p.id()));
            model.addAttribute("listings", products.listings(p.id()));
            model.addAttribute("publicLink", storefront.link(p.id()));
        }
        return "catalogue/form";
    }

    @PostMapping("/products")
    String create(@RequestParam Map<String, String> form, @RequestParam(value = "photo", required = false) MultipartFile photo,
                  Model model) throws IOException {
        CurrentUser user = access.requirePermission(Permission.PRODUCT_EDIT);
        Market m = markets.forStaff(form.getOrDefault("market", ""), Permission.PRODUCT_EDIT);
        try {
            Products.Product p = products.create(m, form(form), photo == null ? null : photo.getBytes(), user.username());
            return "redirect:/products/" + p.id();
        } catch (InvalidInputException e) {
            return formPage(m, null, form, formErrors.of(e), model);
        }
    }

    @GetMapping("/products/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Products.Product p = visible(id);
        return formPage(markets.forStaff(p.marketCode(), Permission.PRODUCT_EDIT), p, values(p), Map.of(), model);
    }

    @PostMapping("/products/{id}")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        CurrentUser user = access.requirePermission(Permission.PRODUCT_EDIT);
        Products.Product p = visible(id);
        Market m = markets.forStaff(p.marketCode(), Permission.PRODUCT_EDIT);
        try {
            products.update(m, id, form(form), user.username());
            return "redirect:/products/" + id;
        } catch (InvalidInputException e) {
            return formPage(m, p, form, formErrors.of(e), model);
        }
    }

    @PostMapping("/products/{id}/photos")
    String photo(@PathVariable UUID id, @RequestParam(value = "photo", required = false) MultipartFile photo, Model model)
            throws IOException {
        Products.Product p = visible(id); // first: another market's product does not exist, whatever was sent
        Market m = markets.forStaff(p.marketCode(), Permission.PRODUCT_EDIT);
        try {
            products.addPhoto(m, id, photo == null ? new byte[0] : photo.getBytes());
            return "redirect:/products/" + id;
        } catch (InvalidInputException e) {
            return formPage(m, p, values(p), formErrors.of(e), model);
        }
    }

    @PostMapping("/products/{id}/listings")
    String listing(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        CurrentUser user = access.requirePermission(Permission.PRODUCT_EDIT);
        Products.Product p = visible(id);
        Market m = markets.forStaff(p.marketCode(), Permission.PRODUCT_EDIT);
        try {
            products.addListing(m, id, form.get("marketplace"), form.get("url"), form.get("listedOn"), user.username());
            return "redirect:/products/" + id;
        } catch (InvalidInputException e) {
            return formPage(m, p, values(p), formErrors.of(e), model);
        }
    }

    /** The Shopee category id per OCOP group, read from the board's seller centre. */
    @GetMapping("/products/categories")
    String categoriesPage(@RequestParam String market, Model model) {
        Market m = markets.forStaff(market, Permission.PRODUCT_EDIT);
        return categoriesPage(m, categories.shopee(m), Map.of(), model);
    }

    @PostMapping("/products/categories")
    String saveCategories(@RequestParam Map<String, String> form, Model model) {
        CurrentUser user = access.requirePermission(Permission.PRODUCT_EDIT);
        Market m = markets.forStaff(form.getOrDefault("market", ""), Permission.PRODUCT_EDIT);
        try {
            categories.saveShopee(m, form, user.username());
            return "redirect:/products?market=" + m.code();
        } catch (InvalidInputException e) {
            return categoriesPage(m, form, formErrors.of(e), model);
        }
    }

    private String categoriesPage(Market m, Map<String, String> ids, Map<String, String> errors, Model model) {
        model.addAttribute("market", m);
        model.addAttribute("groups", OcopGroups.all());
        model.addAttribute("ids", ids);
        model.addAttribute("errors", errors);
        return "catalogue/categories";
    }

    /** Shopee's mass-upload columns, one row per product with a photo. */
    @GetMapping("/products/shopee.xlsx")
    void shopee(@RequestParam String market, HttpServletResponse response) throws IOException {
        Market m = markets.forStaff(market, Permission.PRODUCT_EDIT);
        response.setContentType(XlsxTable.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"shopee-" + m.code() + ".xlsx\"");
        MarketplaceFiles.shopee(storefront.ofMarket(m.code(), null), categories.shopee(m), response.getOutputStream());
    }

    /** The same as CSV, for marketplaces without a feed. */
    @GetMapping("/products/products.csv")
    void csv(@RequestParam String market, HttpServletResponse response) throws IOException {
        Market m = markets.forStaff(market, Permission.PRODUCT_EDIT);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"san-pham-" + m.code() + ".csv\"");
        response.getOutputStream().write(MarketplaceFiles.csv(storefront.ofMarket(m.code(), null))
                .getBytes(StandardCharsets.UTF_8));
    }

    private Products.Product visible(UUID id) {
        access.requirePermission(Permission.PRODUCT_EDIT);
        Products.Product p = products.get(id).orElseThrow(() ->
                new vn.cho40.shared.NotFoundException("catalogue.product.notFound", id));
        markets.forStaff(p.marketCode(), Permission.PRODUCT_EDIT); // another market's product does not exist here
        return p;
    }

    static Products.Form form(Map<String, String> f) {
        return new Products.Form(f.get("name"), f.get("nameEn"), f.get("description"), f.get("group"),
                f.get("producerName"), f.get("producerKind"), f.get("producerCommune"), f.get("stars"),
                f.get("certificateNo"), f.get("certificateOn"), f.get("certificateUntil"), f.get("unit"),
                f.get("weightG"), f.get("price"), f.get("stock"), "on".equals(f.get("madeToOrder")),
                f.getOrDefault("stallCode", null));
    }

    static Map<String, String> values(Products.Product p) {
        Map<String, String> v = new java.util.HashMap<>();
        v.put("name", p.name());
        v.put("nameEn", p.nameEn() == null ? "" : p.nameEn());
        v.put("description", p.description());
        v.put("group", p.group());
        v.put("producerName", p.producerName());
        v.put("producerKind", p.producerKind());
        v.put("producerCommune", p.producerCommune() == null ? "" : p.producerCommune());
        v.put("stars", p.stars() == null ? "" : String.valueOf(p.stars()));
        v.put("certificateNo", p.certificateNo() == null ? "" : p.certificateNo());
        v.put("certificateOn", p.certificateOn() == null ? "" : p.certificateOn().toString());
        v.put("certificateUntil", p.certificateUntil() == null ? "" : p.certificateUntil().toString());
        v.put("unit", p.unit());
        v.put("weightG", p.weightG() == null ? "" : String.valueOf(p.weightG()));
        v.put("price", String.valueOf(p.priceVnd()));
        v.put("stock", p.stock() == null ? "" : String.valueOf(p.stock()));
        v.put("madeToOrder", p.madeToOrder() ? "on" : "");
        v.put("stallCode", p.stalls());
        return v;
    }
}
