package vn.cho40.payment;

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
import vn.cho40.market.Stalls;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/** The board's exceptions queue: payments the matcher could not place, assigned or closed by a person. */
@Controller
class PaymentPages {

    private final PaymentExceptions exceptions;
    private final PaymentWarnings warnings;
    private final Markets markets;
    private final Stalls stalls;
    private final Access access;
    private final FormErrors errors;

    PaymentPages(PaymentExceptions exceptions, PaymentWarnings warnings, Markets markets, Stalls stalls, Access access, FormErrors errors) {
        this.exceptions = exceptions;
        this.warnings = warnings;
        this.markets = markets;
        this.stalls = stalls;
        this.access = access;
        this.errors = errors;
    }

    @GetMapping("/payments/exceptions")
    String list(Model model) {
        CurrentUser user = access.requirePermission(Permission.PAYMENT_RECONCILE);
        model.addAttribute("items", exceptions.open(user.scope(), 200));
        model.addAttribute("warnings", warnings.open(user.scope(), 100));
        model.addAttribute("assigned", exceptions.recentlyAssigned(user.scope(), 50));
        model.addAttribute("markets", markets.inScope(user.scope()));
        return "payment/exceptions";
    }

    @PostMapping("/payments/exceptions/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String market,
                  @RequestParam(defaultValue = "") String stall, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        PaymentExceptions.Item item = visible(id);
        Market m = markets.forStaff(item.marketCode() != null ? item.marketCode() : market,
                Permission.PAYMENT_RECONCILE);
        try {
            var s = stalls.find(m, stall.strip()).orElseThrow(() ->
                    new InvalidInputException(Violation.of("stall", "payment.exception.stallUnknown", stall, m.name())));
            exceptions.assign(id, m, s, note, access.require().username());
            redirect.addFlashAttribute("notice", "payment.exception.assigned");
            redirect.addFlashAttribute("noticeArg", s.code());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failed", id);
            redirect.addFlashAttribute("errors", errors.of(e));
        }
        return "redirect:/payments/exceptions";
    }

    @PostMapping("/payments/exceptions/{id}/assign-code")
    String assignToCode(@PathVariable UUID id, @RequestParam(defaultValue = "") String market,
                        @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String note,
                        RedirectAttributes redirect) {
        PaymentExceptions.Item item = visible(id);
        Market m = markets.forStaff(item.marketCode() != null ? item.marketCode() : market,
                Permission.PAYMENT_RECONCILE);
        try {
            exceptions.assignToCode(id, m, code, note, access.require().username());
            redirect.addFlashAttribute("notice", "payment.exception.assignedCode");
            redirect.addFlashAttribute("noticeArg", code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failed", id);
            redirect.addFlashAttribute("errors", errors.of(e));
        }
        return "redirect:/payments/exceptions";
    }

    /** Takes back a payment a person credited to the wrong stall: it returns to the queue, to be assigned right. */
    @PostMapping("/payments/matched/{id}/undo")
    String undo(@PathVariable UUID id, @RequestParam(defaultValue = "") String market,
                @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        Market m = markets.forStaff(market, Permission.PAYMENT_RECONCILE);
        try {
            exceptions.undo(id, m, note, access.require().username());
            redirect.addFlashAttribute("notice", "payment.undo.done");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failed", id);
            redirect.addFlashAttribute("errors", errors.of(e));
        }
        return "redirect:/payments/exceptions";
    }

    @PostMapping("/payments/exceptions/{id}/not-ours")
    String notOurs(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        PaymentExceptions.Item item = visible(id);
        String province = item.marketCode() == null ? item.provinceCode()
                : markets.forStaff(item.marketCode(), Permission.PAYMENT_RECONCILE).provinceCode();
        try {
            exceptions.notOurs(id, reason, access.require().username(), province);
            redirect.addFlashAttribute("notice", "payment.exception.closed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failed", id);
            redirect.addFlashAttribute("errors", errors.of(e));
        }
        return "redirect:/payments/exceptions";
    }

    @PostMapping("/payments/warnings/{id}/close")
    String closeWarning(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                        RedirectAttributes redirect) {
        CurrentUser user = access.requirePermission(Permission.PAYMENT_RECONCILE);
        try {
            warnings.close(id, user.scope(), note, user.username());
            redirect.addFlashAttribute("notice", "payment.warning.closed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failed", id);
            redirect.addFlashAttribute("errors", errors.of(e));
        }
        return "redirect:/payments/exceptions";
    }

    /**
     * The item if the user may work it: its market in scope, or for a payment of no known market national staff and
     * the administrators of the province whose credential received it.
     */
    private PaymentExceptions.Item visible(UUID id) {
        CurrentUser user = access.requirePermission(Permission.PAYMENT_RECONCILE);
        PaymentExceptions.Item item = exceptions.get(id);
        if (item.marketCode() == null) {
            if (!PaymentExceptions.unplacedVisibleTo(item, user.scope())) {
                throw new NotFoundException("payment.exception.notFound", id);
            }
        } else {
            markets.forStaff(item.marketCode(), Permission.PAYMENT_RECONCILE);
        }
        return item;
    }
}
