package vn.cho40.ledger;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;

/** A market's books for its board, its province and auditors: the trial balance, account by account. */
@Controller
class LedgerPages {

    private final Ledger ledger;
    private final Markets markets;
    private final Access access;

    LedgerPages(Ledger ledger, Markets markets, Access access) {
        this.ledger = ledger;
        this.markets = markets;
        this.access = access;
    }

    @GetMapping("/ledger")
    String trialBalance(@RequestParam(defaultValue = "") String market, Model model) {
        CurrentUser user = access.requirePermission(Permission.LEDGER_READ);
        List<MarketListing> choices = markets.inScope(user.scope());
        String code = !market.isBlank() ? market : choices.size() == 1 ? choices.getFirst().code() : "";
        model.addAttribute("markets", choices);
        if (!code.isBlank()) {
            Market m = markets.forStaff(code, Permission.LEDGER_READ);
            TrialBalance balance = TrialBalance.of(ledger.trialBalance(m.id()));
            model.addAttribute("market", m);
            model.addAttribute("balance", balance);
        }
        return "ledger/trial-balance";
    }
}
