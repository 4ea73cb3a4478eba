package vn.cho40.catalogue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/**
 * The trader's phone: their stall's local products (add one with a photo taken on the spot) and the orders buyers
 * placed, to hand over or cancel.
 */
@Controller
class TraderProductsPage {

    /** A stall the trader leases now, with its market. */
    public record MyStall(String stallCode, String marketCode, String marketName) {
    }

    private final Products products;
    private final Orders orders;
    private final Markets markets;
    private final JdbcClient db;
    private final Access access;
    private final FormErrors formErrors;

    TraderProductsPage(Products products, Orders orders, Markets markets, JdbcClient db, Access access,
                       FormErrors formErrors) {
        this.products = products;
        this.orders = orders;
        this.markets = markets;
        this.db = db;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/trader/products")
    String list(Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        return page(me, Map.of("group", "FOOD", "producerKind", "HOUSEHOLD", "unit", "kg"), Map.of(), model);
    }

    private String page(CurrentUser me, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("products", products.ofTrader(me.traderId()));
        model.addAttribute("orders", orders.ofTrader(me.traderId()));
        model.addAttribute("stalls", stalls(me.traderId()));
        model.addAttribute("groups", OcopGroups.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxMb", products.maxPhotoBytes() / 1_000_000);
        return "catalogue/trader";
    }

    @PostMapping("/trader/products")
    String add(@RequestParam Map<String, String> form, @RequestParam(value = "photo", required = false) MultipartFile photo,
               Model model) throws IOException {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        List<MyStall> mine = stalls(me.traderId());
        MyStall stall = mine.stream().filter(s -> s.stallCode().equals(form.get("stallCode"))).findFirst()
                .orElse(mine.isEmpty() ? null : mine.getFirst());
        if (stall == null) {
            throw new vn.cho40.shared.NotFoundException("catalogue.product.noStall");
        }
        Market market = markets.get(stall.marketCode());
        Map<String, String> values = new java.util.HashMap<>(form);
        values.put("stallCode", stall.stallCode());
        try {
            products.create(market, ProductPages.form(values), photo == null ? null : photo.getBytes(), me.username());
            return "redirect:/trader/products";
        } catch (InvalidInputException e) {
            return page(me, form, formErrors.of(e), model);
        }
    }

    /** One of the trader's products, to change its price, stock or text and add photos from the phone. */
    @GetMapping("/trader/products/{id}")
    String edit(@PathVariable UUID id, Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        Products.Product p = mine(me, id);
        return editPage(p, ProductPages.values(p), Map.of(), model);
    }

    @PostMapping("/trader/products/{id}")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        Products.Product p = mine(me, id);
        Map<String, String> values = new java.util.HashMap<>(form);
        values.remove("stallCode"); // the board decides which stalls sell it; the trader keeps theirs
        try {
            products.update(markets.get(p.marketCode()), id, ProductPages.form(values), me.username());
            return "redirect:/trader/products";
        } catch (InvalidInputException e) {
            return editPage(p, form, formErrors.of(e), model);
        }
    }

    @PostMapping("/trader/products/{id}/photos")
    String photo(@PathVariable UUID id, @RequestParam(value = "photo", required = false) MultipartFile photo,
                 Model model) throws IOException {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        Products.Product p = mine(me, id);
        try {
            products.addPhoto(markets.get(p.marketCode()), id, photo == null ? new byte[0] : photo.getBytes());
            return "redirect:/trader/products/" + id;
        } catch (InvalidInputException e) {
            return editPage(p, ProductPages.values(p), formErrors.of(e), model);
        }
    }

    /** A product one of the trader's stalls sells now; any other does not exist for them. */
    private Products.Product mine(CurrentUser me, UUID id) {
        return products.ofTrader(me.traderId()).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new vn.cho40.shared.NotFoundException("catalogue.product.notFound", id));
    }

    private String editPage(Products.Product p, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("product", p);
        model.addAttribute("photos", products.photoIds(p.id()));
        model.addAttribute("groups", OcopGroups.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxMb", products.maxPhotoBytes() / 1_000_000);
        return "catalogue/trader-edit";
    }

    @PostMapping("/trader/orders/{id}/handover")
    String handOver(@PathVariable UUID id, Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        try {
            orders.handOver(me.traderId(), id);
            return "redirect:/trader/products#orders";
        } catch (InvalidInputException e) {
            return page(me, Map.of(), formErrors.of(e), model);
        }
    }

    @PostMapping("/trader/orders/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        try {
            orders.cancel(me.traderId(), id, reason);
            return "redirect:/trader/products#orders";
        } catch (InvalidInputException e) {
            return page(me, Map.of(), formErrors.of(e), model);
        }
    }

    private List<MyStall> stalls(UUID traderId) {
        return db.sql("""
                SELECT s.code, m.code, m.name FROM lease l JOIN stall s ON s.id = l.stall_id JOIN market m ON m.id = l.market_id
                WHERE l.trader_id = ? AND l.ends_on IS NULL ORDER BY m.code, s.code""").param(traderId)
                .query((rs, n) -> new MyStall(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
