package vn.cho40.billing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/** The stalls' fee facts: the register a billing run reads (area, position, cover, seller, charges, meters). */
@Controller
class StallFactsPages {

    private final StallFeeProfiles profiles;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;

    private final MarketChoice choice;

    StallFactsPages(StallFeeProfiles profiles, Markets markets, Access access, FormErrors formErrors,
                    MarketChoice choice) {
        this.choice = choice;
        this.profiles = profiles;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/billing/stalls")
    String list(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) String page, Model model) {
        Market m = choice.of(market, Permission.BILL_READ, model, true);
        model.addAttribute("q", q);
        if (m != null) {
            var list = profiles.page(m.id(), q, vn.cho40.shared.ListPage.requested(page));
            Map<String, String> filters = new java.util.LinkedHashMap<>();
            filters.put("market", m.code());
            filters.put("q", q);
            model.addAttribute("market", m);
            model.addAttribute("stalls", list.rows());
            model.addAttribute("list", list);
            model.addAttribute("pageLinks", list.links("/billing/stalls", filters));
            model.addAttribute("previousHref", list.previousHref("/billing/stalls", filters));
            model.addAttribute("nextHref", list.nextHref("/billing/stalls", filters));
            model.addAttribute("mayEdit", markets.allows(m, Permission.BILL_ISSUE));
        }
        return "billing/stalls";
    }

    @GetMapping("/billing/stalls/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Market m = marketOf(id);
        return form(m, profiles.get(m, id), null, Map.of(), model);
    }

    @PostMapping("/billing/stalls/{id}")
    String save(@PathVariable UUID id, @RequestParam(defaultValue = "") String positionClass,
                @RequestParam(defaultValue = "") String covered, @RequestParam(defaultValue = "") String seller,
                @RequestParam(name = "charges", required = false) List<String> charges, Model model) {
        Market m = marketOf(id);
        StallFeeProfiles.Row row = profiles.get(m, id);
        try {
            profiles.save(m, id, positionClass, "on".equals(covered), seller, charges, access.require().username());
            return "redirect:/billing/stalls?market=" + m.code() + "&saved=" + row.stallCode();
        } catch (InvalidInputException e) {
            return form(m, row, Map.of("positionClass", positionClass, "seller", seller), formErrors.of(e), model);
        }
    }

    /** The stall's market, for a manager of it; another market's stall does not exist here. */
    private Market marketOf(UUID stallId) {
        access.requirePermission(Permission.BILL_ISSUE);
        UUID marketId = profiles.marketOf(stallId)
                .orElseThrow(() -> new vn.cho40.shared.NotFoundException("billing.stall.notFound", stallId));
        return markets.forStaff(markets.findById(marketId).orElseThrow().code(), Permission.BILL_ISSUE);
    }

    private String form(Market m, StallFeeProfiles.Row row, Map<String, String> typed, Map<String, String> errors,
                        Model model) {
        model.addAttribute("market", m);
        model.addAttribute("stall", row);
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        model.addAttribute("errors", errors);
        model.addAttribute("tickable", StallFeeProfiles.TICKABLE);
        return "billing/stall";
    }
}
