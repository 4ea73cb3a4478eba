package vn.cho40.trader;

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

/** Staff pages for traders: a searchable list in scope, one trader with masked numbers, and "show in full". */
@Controller
class TraderPages {

    private final Traders traders;
    private final Access access;

    TraderPages(Traders traders, Access access) {
        this.traders = traders;
        this.access = access;
    }

    @GetMapping("/admin/traders")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("traders", traders.search(q));
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

    private String detail(Trader t, Traders.Revealed revealed, Model model) {
        model.addAttribute("trader", t);
        model.addAttribute("accounts", traders.accounts(t.id()));
        model.addAttribute("leases", traders.leases(t.id()));
        model.addAttribute("revealed", revealed);
        model.addAttribute("banks", BankDirectory.shipped().shortNames());
        model.addAttribute("mayReveal", access.require().may(Permission.PERSONAL_DATA_UNMASK));
        return "trader/detail";
    }
}
