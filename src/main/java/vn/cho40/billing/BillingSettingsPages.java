package vn.cho40.billing;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/** A board's due day and reminder days (and whether reminders go by SMS too). */
@Controller
class BillingSettingsPages {

    private final BillReminders reminders;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;

    private final MarketChoice choice;

    BillingSettingsPages(BillReminders reminders, Markets markets, Access access, FormErrors formErrors,
                         MarketChoice choice) {
        this.choice = choice;
        this.reminders = reminders;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/billing/settings")
    String page(@RequestParam(defaultValue = "") String market, Model model) {
        Market m = choice.of(market, Permission.BILL_READ, model, true);
        if (m != null) {
            BillReminders.Setting s = reminders.setting(m.id());
            return render(m, Map.of("dueDay", String.valueOf(s.dueDay()), "reminderDays",
                    String.join(", ", s.reminderDays().stream().map(String::valueOf).toList()),
                    "bySms", s.bySms() ? "on" : ""), Map.of(), model);
        }
        return "billing/settings";
    }

    @PostMapping("/billing/settings")
    String save(@RequestParam Map<String, String> form, Model model) {
        Market m = markets.forStaff(form.getOrDefault("market", ""), Permission.BILL_ISSUE);
        try {
            reminders.save(m, form.get("dueDay"), form.get("reminderDays"), "on".equals(form.get("bySms")),
                    access.require().username());
            return "redirect:/billing/settings?market=" + m.code() + "&saved=1";
        } catch (InvalidInputException e) {
            model.addAttribute("markets", markets.inScope(access.require().scope()));
            return render(m, form, formErrors.of(e), model);
        }
    }

    private String render(Market m, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("market", m);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayEdit", markets.allows(m, Permission.BILL_ISSUE));
        return "billing/settings";
    }
}
