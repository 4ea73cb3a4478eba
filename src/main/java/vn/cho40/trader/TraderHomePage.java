package vn.cho40.trader;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;

/** A trader's own page after phone login: their stalls and accounts (the full app comes with its issue). */
@Controller
class TraderHomePage {

    private final Traders traders;
    private final Access access;

    TraderHomePage(Traders traders, Access access) {
        this.traders = traders;
        this.access = access;
    }

    @GetMapping("/trader")
    String home(Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        model.addAttribute("trader", traders.get(me.traderId(), Permission.OWN_DATA));
        model.addAttribute("leases", traders.leases(me.traderId()));
        model.addAttribute("accounts", traders.accounts(me.traderId()));
        model.addAttribute("banks", BankDirectory.shipped().shortNames());
        return "trader/home";
    }
}
