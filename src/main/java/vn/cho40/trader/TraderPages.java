package vn.cho40.trader;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.MarketListing;
import vn.cho40.shared.ListPage;

/**
 * Staff pages for traders: the list in scope a page at a time (search, filters), one trader with masked numbers,
 * and "show in full".
 */
@Controller
class TraderPages {

    private final Traders traders;
    private final TraderLists lists;
    private final AccountRequests requests;
    private final Access access;
    private final vn.cho40.platform.FormErrors errors;
    private final java.time.Clock clock;

    TraderPages(Traders traders, TraderLists lists, AccountRequests requests, Access access,
                vn.cho40.platform.FormErrors errors, java.time.Clock clock) {
        this.clock = clock;
        this.traders = traders;
        this.lists = lists;
        this.requests = requests;
        this.access = access;
        this.errors = errors;
    }

    @GetMapping("/admin/traders")
    String list(@RequestParam Map<String, String> params, Model model) {
        TraderFilter filter = TraderFilter.from(params);
        TraderLists.Coverage coverage = lists.coverage(filter);
        ListPage<ListedTrader> page = lists.page(coverage, filter, ListPage.requested(params.get("page")));
        String path = "/admin/traders";
        model.addAttribute("list", page);
        model.addAttribute("pageLinks", page.links(path, filter.params()));
        model.addAttribute("previousHref", page.previousHref(path, filter.params()));
        model.addAttribute("nextHref", page.nextHref(path, filter.params()));
        model.addAttribute("exportHref", ListPage.href(path + ".xlsx", filter.params(), 0));
        model.addAttribute("filtered", filter.any());
        model.addAttribute("params", filter.params());
        List<MarketListing> choices = lists.choices(coverage);
        model.addAttribute("marketChoices", choices.size() > 1 ? choices : List.of());
        return "trader/list";
    }

    @GetMapping("/admin/traders/{id}")
    String show(@PathVariable UUID id, Model model) {
        return detail(traders.get(id, Permission.TRADER_READ), null, model);
    }

    /** Unmasked numbers, on a POST so that a prefetch or a shared link never reveals them; audited. */
    @PostMapping("/admin/traders/{id}/reveal")
    String reveal(@PathVariable UUID id, Model model) {
        Traders.Revealed revealed = traders.reveal(id);
        return detail(traders.get(id, Permission.TRADER_READ), revealed, model);
    }

    /** A trader's request from the app becomes a receiving account only here, by staff with TRADER_EDIT. */
    @PostMapping("/admin/traders/{id}/account-requests/{requestId}/confirm")
    String confirmRequest(@PathVariable UUID id, @PathVariable UUID requestId,
                          @RequestParam(defaultValue = "") String reason, Model model,
                          org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            ReceivingAccount a = requests.confirm(id, requestId, reason);
            redirect.addFlashAttribute("notice", "accountRequest.confirmed");
            redirect.addFlashAttribute("noticeArg", "•••• " + a.accountLast4());
            return "redirect:/admin/traders/" + id;
        } catch (vn.cho40.shared.InvalidInputException e) {
            return refused(id, requestId, e, model);
        }
    }

    @PostMapping("/admin/traders/{id}/account-requests/{requestId}/refuse")
    String refuseRequest(@PathVariable UUID id, @PathVariable UUID requestId,
                         @RequestParam(defaultValue = "") String reason, Model model,
                         org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            requests.refuse(id, requestId, reason);
            redirect.addFlashAttribute("notice", "accountRequest.refused");
            return "redirect:/admin/traders/" + id;
        } catch (vn.cho40.shared.InvalidInputException e) {
            return refused(id, requestId, e, model);
        }
    }

    /** The board gives the trader a stall of its market (a trader onboarded without one, or moving). */
    @PostMapping("/admin/traders/{id}/leases")
    String lease(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
                 org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            Lease l = traders.leaseAtHome(id, form.get("stallCode"), form.get("startsOn"), form.get("accountId"));
            redirect.addFlashAttribute("notice", "lease.started");
            redirect.addFlashAttribute("noticeArg", l.stallCode());
            redirect.addFlashAttribute("noticeArg2", vn.cho40.shared.VnFormats.date(l.startsOn()));
            return "redirect:/admin/traders/" + id + "#leases";
        } catch (vn.cho40.shared.InvalidInputException e) {
            model.addAttribute("leaseErrors", errors.of(e));
            model.addAttribute("leaseForm", form);
            return detail(traders.get(id, Permission.TRADER_READ), null, model);
        }
    }

    @PostMapping("/admin/traders/{id}/leases/{leaseId}/end")
    String endLease(@PathVariable UUID id, @PathVariable UUID leaseId, @RequestParam Map<String, String> form,
                    Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            Lease l = traders.endLease(id, leaseId, form.get("endsOn"));
            redirect.addFlashAttribute("notice", "lease.ended");
            redirect.addFlashAttribute("noticeArg", l.stallCode());
            redirect.addFlashAttribute("noticeArg2", vn.cho40.shared.VnFormats.date(l.endsOn()));
            return "redirect:/admin/traders/" + id + "#leases";
        } catch (vn.cho40.shared.InvalidInputException e) {
            model.addAttribute("failedLease", leaseId);
            model.addAttribute("endErrors", errors.of(e));
            return detail(traders.get(id, Permission.TRADER_READ), null, model);
        }
    }

    private String refused(UUID id, UUID requestId, vn.cho40.shared.InvalidInputException e, Model model) {
        model.addAttribute("failedRequest", requestId);
        model.addAttribute("requestErrors", errors.of(e));
        return detail(traders.get(id, Permission.TRADER_READ), null, model);
    }

    private String detail(Trader t, Traders.Revealed revealed, Model model) {
        model.addAttribute("trader", t);
        model.addAttribute("accounts", traders.accounts(t.id()));
        model.addAttribute("leases", traders.leases(t.id()));
        model.addAttribute("revealed", revealed);
        model.addAttribute("banks", BankDirectory.shipped().shortNames());
        model.addAttribute("mayReveal", access.require().may(Permission.PERSONAL_DATA_UNMASK));
        model.addAttribute("requests", requests.pending(t.id()));
        boolean mayEdit = access.require().may(Permission.TRADER_EDIT);
        model.addAttribute("mayDecide", mayEdit);
        model.addAttribute("today", vn.cho40.shared.VnFormats.businessDate(clock.instant()));
        if (mayEdit) {
            model.addAttribute("freeStalls", traders.freeStalls(t.id()));
        }
        return "trader/detail";
    }
}
