package vn.cho40.billing;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;

/** The manager corrects an issued bill from its page: a credit note, or an adjusting bill with its own QR. */
@Controller
class CorrectionPages {

    private final BillCorrections corrections;
    private final Bills bills;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;

    CorrectionPages(BillCorrections corrections, Bills bills, Markets markets, Access access, FormErrors formErrors) {
        this.corrections = corrections;
        this.bills = bills;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    @PostMapping("/billing/bills/{id}/credit-note")
    String creditNote(@PathVariable UUID id, @RequestParam(defaultValue = "") String amount,
                      @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Market m = market(id);
        try {
            UUID note = corrections.creditNote(m, id, amount, reason, access.require().username());
            return "redirect:/billing/bills/" + note;
        } catch (InvalidInputException e) {
            return refused(e, "credit-note", java.util.Map.of("amount", amount, "reason", reason), id, redirect);
        }
    }

    @PostMapping("/billing/bills/{id}/adjustment")
    String adjustment(@PathVariable UUID id, @RequestParam(defaultValue = "") String charge,
                      @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String reason,
                      RedirectAttributes redirect) {
        Market m = market(id);
        try {
            UUID bill = corrections.adjustingBill(m, id, charge, amount, reason, access.require().username());
            return "redirect:/billing/bills/" + bill;
        } catch (InvalidInputException e) {
            return refused(e, "adjustment", java.util.Map.of("charge", charge, "amount", amount, "reason", reason), id,
                    redirect);
        }
    }

    /** Back to the bill with the refusal, which form it was (opened, the others folded) and what was typed in it. */
    private String refused(InvalidInputException e, String form, java.util.Map<String, String> typed, UUID id,
                           RedirectAttributes redirect) {
        redirect.addFlashAttribute("correctionRefused", String.join(" ", formErrors.of(e).values()));
        redirect.addFlashAttribute("correctionForm", form);
        redirect.addFlashAttribute("typed", typed);
        return "redirect:/billing/bills/" + id;
    }

    /** The bill's market, for a manager of it; any other bill does not exist here. */
    private Market market(UUID billId) {
        Bills.View b = bills.get(billId).orElseThrow(() -> new NotFoundException("billing.bill.notFound", billId));
        return markets.forStaffOf(b.marketId(), Permission.BILL_ISSUE,
                () -> new NotFoundException("billing.bill.notFound", billId));
    }
}
