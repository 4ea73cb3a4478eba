package vn.cho40.market;

import java.security.Principal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnit.Regime;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Permission;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.platform.FormErrors;

/** Staff pages to add and edit markets and move them through the rollout. */
@Controller
class MarketAdminPages {

    private final Markets markets;
    private final AdminUnits adminUnits;
    private final FormErrors formErrors;

    MarketAdminPages(Markets markets, AdminUnits adminUnits, FormErrors formErrors) {
        this.markets = markets;
        this.adminUnits = adminUnits;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/markets/new")
    String newForm(Model model) {
        markets.requirePermission(Permission.MARKET_EDIT);
        return form(model, MarketForm.empty(), null, null);
    }

    @PostMapping("/admin/markets")
    String create(@ModelAttribute("form") MarketForm form, BindingResult binding, Principal who, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, form, null, formErrors.of(binding));
        }
        try {
            markets.requireCreatable(form);
            Market market = markets.create(form, who.getName());
            redirect.addFlashAttribute("notice", "market.saved");
            redirect.addFlashAttribute("noticeArg", market.name());
            return "redirect:/markets/" + market.code();
        } catch (InvalidInputException e) {
            return form(model, form, null, formErrors.of(e));
        }
    }

    @GetMapping("/admin/markets/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        Market market = markets.forStaff(code, Permission.MARKET_EDIT);
        return form(model, MarketForm.of(market), market, null);
    }

    @PostMapping("/admin/markets/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") MarketForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.MARKET_EDIT);
        if (binding.hasErrors()) {
            return form(model, form, market, formErrors.of(binding));
        }
        try {
            markets.update(market.code(), form);
            redirect.addFlashAttribute("notice", "market.saved");
            redirect.addFlashAttribute("noticeArg", market.name());
            return "redirect:/markets/" + market.code();
        } catch (InvalidInputException e) {
            return form(model, form, market, formErrors.of(e));
        }
    }

    @PostMapping("/admin/markets/{code}/status")
    String changeStatus(@PathVariable String code, @RequestParam MarketStatus status,
                        @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate effectiveOn,
                        Principal who, RedirectAttributes redirect) {
        markets.forStaff(code, Permission.MARKET_EDIT);
        Market moved = markets.changeStatus(code, status, effectiveOn, who.getName());
        redirect.addFlashAttribute("notice", "market.moved");
        redirect.addFlashAttribute("noticeArg", moved.name());
        redirect.addFlashAttribute("noticeArg2", formErrors.text("market.status." + moved.status()));
        return "redirect:/markets/" + moved.code();
    }

    /** The commune drop-down for a province, swapped in by htmx when the province changes. */
    @GetMapping("/admin/communes")
    String communes(@RequestParam(defaultValue = "") String province,
                    @RequestParam(defaultValue = "2025") String regime, Model model) {
        Regime r = regime.equals("pre2025") ? Regime.PRE_2025 : Regime.CURRENT;
        model.addAttribute("communes", province.isBlank() ? java.util.List.of()
                : r == Regime.CURRENT ? adminUnits.children(r, province) : pre2025Communes(province));
        model.addAttribute("selected", "");
        model.addAttribute("name", r == Regime.CURRENT ? "communeCode" : "pre2025CommuneCode");
        return "market/form :: communeOptions";
    }

    private java.util.List<AdminUnit> pre2025Communes(String oldProvince) {
        return adminUnits.children(Regime.PRE_2025, oldProvince).stream()
                .flatMap(d -> adminUnits.children(Regime.PRE_2025, d.code()).stream()).toList();
    }

    private String form(Model model, MarketForm form, Market existing, java.util.Map<String, String> errors) {
        String province = existing != null ? existing.provinceCode() : adminUnits.find(Regime.CURRENT,
                String.valueOf(form.communeCode())).map(AdminUnit::parentCode).orElse("");
        String oldProvince = form.pre2025CommuneCode() == null || form.pre2025CommuneCode().isBlank() ? ""
                : adminUnits.find(Regime.PRE_2025, form.pre2025CommuneCode())
                        .flatMap(c -> adminUnits.find(Regime.PRE_2025, c.parentCode()))
                        .map(AdminUnit::parentCode).orElse("");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors == null ? java.util.Map.of() : errors);
        model.addAttribute("existing", existing);
        model.addAttribute("provinces", adminUnits.provinces(Regime.CURRENT));
        model.addAttribute("oldProvinces", adminUnits.provinces(Regime.PRE_2025));
        model.addAttribute("province", province);
        model.addAttribute("oldProvince", oldProvince);
        model.addAttribute("communes", province.isBlank() ? java.util.List.of()
                : adminUnits.children(Regime.CURRENT, province));
        model.addAttribute("oldCommunes", oldProvince.isBlank() ? java.util.List.of() : pre2025Communes(oldProvince));
        model.addAttribute("banks", BankDirectory.shipped().all());
        model.addAttribute("operators", OperatorType.values());
        return "market/form";
    }
}
