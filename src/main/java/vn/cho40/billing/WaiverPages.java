package vn.cho40.billing;

import java.util.UUID;
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
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;

/** Waivers: asked for on a bill by the cashier or the manager, decided on the market's list by the manager. */
@Controller
class WaiverPages {

    private final BillWaivers waivers;
    private final Bills bills;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;

    private final MarketChoice choice;

    WaiverPages(BillWaivers waivers, Bills bills, Markets markets, Access access, FormErrors formErrors,
                MarketChoice choice) {
        this.choice = choice;
        this.waivers = waivers;
        this.bills = bills;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    @PostMapping("/billing/bills/{id}/waivers")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
                   @RequestParam(defaultValue = "") String reasonKind, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        CurrentUser user = access.requirePermission(Permission.BILL_READ);
        Bills.View b = bills.get(id).orElseThrow(() -> new NotFoundException("billing.bill.notFound", id));
        Market m = markets.forStaffOf(b.marketId(), Permission.BILL_READ,
                () -> new NotFoundException("billing.bill.notFound", id));
        if (!markets.allows(m, Permission.CASH_COLLECT) && !markets.allows(m, Permission.BILL_ISSUE)) {
            throw new NotFoundException("billing.bill.notFound", id);
        }
        try {
            waivers.request(m, id, amount, reasonKind, reason, user.username());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("waiverRefused", String.join(" ", formErrors.of(e).values()));
            redirect.addFlashAttribute("typed", java.util.Map.of("amount", amount, "reasonKind", reasonKind,
                    "reason", reason));
        }
        return "redirect:/billing/bills/" + id;
    }

    @GetMapping("/billing/waivers")
    String list(@RequestParam(defaultValue = "") String market, Model model) {
        Market m = choice.of(market, Permission.BILL_READ, model, true);
        if (m != null) {
            model.addAttribute("market", m);
            model.addAttribute("waivers", waivers.ofMarket(m.id()));
            model.addAttribute("mayDecide", markets.allows(m, Permission.BILL_ISSUE));
            model.addAttribute("me", access.require().username());
        }
        return "billing/waivers";
    }

    @PostMapping("/billing/waivers/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam String market, RedirectAttributes redirect) {
        return decide(id, market, true, redirect);
    }

    @PostMapping("/billing/waivers/{id}/refuse")
    String refuse(@PathVariable UUID id, @RequestParam String market, RedirectAttributes redirect) {
        return decide(id, market, false, redirect);
    }

    private String decide(UUID id, String market, boolean approve, RedirectAttributes redirect) {
        Market m = markets.forStaff(market, Permission.BILL_ISSUE);
        String by = access.require().username();
        try {
            if (approve) {
                waivers.approve(m, id, by);
            } else {
                waivers.refuse(m, id, by);
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("refused", String.join(" ", formErrors.of(e).values()));
        }
        return "redirect:/billing/waivers?market=" + m.code();
    }
}
