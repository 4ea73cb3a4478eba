package vn.cho40.market;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.adminunit.AdminUnits;

/** The open market directory: search without login, one page per market. */
@Controller
class DirectoryPages {

    private final Markets markets;
    private final Stalls stalls;
    private final AdminUnits adminUnits;

    DirectoryPages(Markets markets, Stalls stalls, AdminUnits adminUnits) {
        this.markets = markets;
        this.stalls = stalls;
        this.adminUnits = adminUnits;
    }

    @GetMapping({"/", "/markets"})
    String directory(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String province,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("province", province);
        model.addAttribute("results", markets.search(q, province));
        model.addAttribute("provinces", adminUnits.provinces(Regime.CURRENT));
        // htmx asks for the results only, as the visitor types.
        return htmx != null ? "market/directory :: results" : "market/directory";
    }

    @GetMapping("/markets/{code}")
    String market(@PathVariable String code, Model model) {
        Market market = markets.get(code);
        model.addAttribute("market", market);
        model.addAttribute("listing", markets.listing(code));
        model.addAttribute("history", markets.history(market));
        model.addAttribute("byCategory", stalls.countByCategory(market));
        model.addAttribute("next", next(market.status()));
        model.addAttribute("mayEditStalls", markets.allows(market, vn.cho40.identity.Permission.STALL_EDIT));
        model.addAttribute("pre2025Commune", market.pre2025CommuneCode() == null ? null
                : adminUnits.find(Regime.PRE_2025, market.pre2025CommuneCode()).orElse(null));
        return "market/market";
    }

    static MarketStatus next(MarketStatus status) {
        return status == MarketStatus.LIVE ? null : MarketStatus.values()[status.ordinal() + 1];
    }
}
