package vn.cho40.traderapp;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.trader.AccountRequest;
import vn.cho40.trader.AccountRequests;
import vn.cho40.trader.Traders;

/**
 * The trader's receiving accounts and the request for a new one. A request waits for the market board: the
 * trader cannot add an account by themselves (see {@link AccountRequests}).
 */
@Controller
class TraderAccountsPage {

    private final AccountRequests requests;
    private final Traders traders;
    private final Access access;
    private final FormErrors errors;

    TraderAccountsPage(AccountRequests requests, Traders traders, Access access, FormErrors errors) {
        this.requests = requests;
        this.traders = traders;
        this.access = access;
        this.errors = errors;
    }

    @GetMapping("/trader/accounts")
    String page(Model model) {
        return page(model, Map.of(), Map.of());
    }

    @PostMapping("/trader/accounts")
    String request(@RequestParam(defaultValue = "") String bin, @RequestParam(defaultValue = "") String accountNo,
                   @RequestParam(defaultValue = "") String holderName, @RequestParam(defaultValue = "") String note,
                   Model model, RedirectAttributes redirect) {
        try {
            AccountRequest r = requests.request(bin, accountNo, holderName, note);
            redirect.addFlashAttribute("notice", "accountRequest.sent");
            redirect.addFlashAttribute("noticeArg", "•••• " + r.accountLast4());
            return "redirect:/trader/accounts";
        } catch (InvalidInputException e) {
            return page(model, errors.of(e), Map.of("bin", bin, "accountNo", accountNo, "holderName", holderName,
                    "note", note));
        }
    }

    private String page(Model model, Map<String, String> problems, Map<String, String> form) {
        var me = access.requirePermission(Permission.OWN_DATA);
        model.addAttribute("trader", traders.get(me.traderId(), Permission.OWN_DATA));
        model.addAttribute("accounts", traders.accounts(me.traderId()));
        model.addAttribute("requests", requests.mine());
        model.addAttribute("bankList", BankDirectory.shipped().all());
        model.addAttribute("banks", BankDirectory.shipped().shortNames());
        model.addAttribute("errors", problems);
        model.addAttribute("form", form);
        return "trader/accounts";
    }
}
