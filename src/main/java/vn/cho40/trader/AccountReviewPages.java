package vn.cho40.trader;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.bank.BankDirectory;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/** The board's list of account numbers registered a second time, approved or refused one by one. */
@Controller
class AccountReviewPages {

    private final AccountReviews reviews;
    private final FormErrors errors;

    AccountReviewPages(AccountReviews reviews, FormErrors errors) {
        this.reviews = reviews;
        this.errors = errors;
    }

    @GetMapping("/admin/accounts/review")
    String list(Model model) {
        model.addAttribute("items", reviews.pending());
        model.addAttribute("banks", BankDirectory.shipped().shortNames());
        return "trader/account-review";
    }

    @PostMapping("/admin/accounts/review/{id}")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            reviews.decide(id, "approve".equals(decision), note);
            redirect.addFlashAttribute("notice", "approve".equals(decision) ? "account.review.approved"
                    : "account.review.refused");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failed", id);
            redirect.addFlashAttribute("errors", errors.of(e));
        }
        return "redirect:/admin/accounts/review";
    }
}
