package vn.cho40.metering;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/** The board's page of a market's sub-meters: every stall with its meters, installing one, replacing one. */
@Controller
class MeterPages {

    private final Markets markets;
    private final Meters meters;
    private final Access access;
    private final FormErrors formErrors;

    MeterPages(Markets markets, Meters meters, Access access, FormErrors formErrors) {
        this.markets = markets;
        this.meters = meters;
        this.access = access;
        this.formErrors = formErrors;
    }

    /** The menu's link: straight to the market of a one-market board, else the markets to choose from. */
    @GetMapping("/meters")
    String choose(@RequestParam(defaultValue = "") String q, Model model) {
        CurrentUser user = access.requirePermission(Permission.METER_EDIT);
        List<MarketListing> choices = markets.inScope(user.scope());
        if (choices.size() == 1) {
            return board(choices.getFirst().code(), q, model);
        }
        model.addAttribute("markets", choices);
        model.addAttribute("target", "meters");
        return "metering/choose";
    }

    @GetMapping("/admin/markets/{code}/meters")
    String board(@PathVariable String code, @RequestParam(defaultValue = "") String q, Model model) {
        return page(model, markets.forStaff(code, Permission.METER_EDIT), q, Map.of(), Map.of(), null);
    }

    @PostMapping("/admin/markets/{code}/meters")
    String add(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
               RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.METER_EDIT);
        try {
            Meter m = meters.add(market, form);
            redirect.addFlashAttribute("notice", "metering.meter.added");
            redirect.addFlashAttribute("noticeArg", m.serial());
            redirect.addFlashAttribute("noticeArg2", m.stallCode());
            return "redirect:/admin/markets/" + market.code() + "/meters?q=" + m.stallCode();
        } catch (InvalidInputException e) {
            return page(model, market, form.getOrDefault("stallCode", ""), formErrors.of(e), form, "add");
        }
    }

    @PostMapping("/admin/markets/{code}/meters/replace")
    String replace(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                   RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.METER_EDIT);
        try {
            Meter m = meters.replace(market, form);
            redirect.addFlashAttribute("notice", "metering.meter.replaced");
            redirect.addFlashAttribute("noticeArg", m.serial());
            redirect.addFlashAttribute("noticeArg2", m.stallCode());
            return "redirect:/admin/markets/" + market.code() + "/meters?q=" + m.stallCode();
        } catch (InvalidInputException e) {
            return page(model, market, form.getOrDefault("stallCode", ""), formErrors.of(e), form, "replace");
        }
    }

    private String page(Model model, Market market, String q, Map<String, String> errors, Map<String, String> form,
                        String failed) {
        model.addAttribute("market", market);
        model.addAttribute("q", q);
        model.addAttribute("rows", meters.board(market, q));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        model.addAttribute("kinds", MeterKind.values());
        return "metering/meters";
    }
}
