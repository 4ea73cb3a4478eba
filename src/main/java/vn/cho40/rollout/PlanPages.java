package vn.cho40.rollout;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/** Plans and their targets and priority lists; figures reported by people; freezing a month; the threshold. */
@Controller
class PlanPages {

    private final Plans plans;
    private final Reported reported;
    private final RolloutSettings settings;
    private final KpiFigures figures;
    private final Access access;
    private final FormErrors formErrors;

    PlanPages(Plans plans, Reported reported, RolloutSettings settings, KpiFigures figures, Access access,
              FormErrors formErrors) {
        this.plans = plans;
        this.reported = reported;
        this.settings = settings;
        this.figures = figures;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/rollout/plans")
    String list(Model model) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_PLAN);
        return listPage(user, model, Map.of(), Map.of(), Map.of());
    }

    private String listPage(CurrentUser user, Model model, Map<String, String> planForm, Map<String, String> errors,
                            Map<String, String> reportedErrors) {
        model.addAttribute("plans", plans.inScope(user.scope()));
        model.addAttribute("form", planForm);
        model.addAttribute("errors", errors);
        model.addAttribute("reportedErrors", reportedErrors);
        model.addAttribute("national", user.scope().kind() == vn.cho40.identity.Scope.Kind.NATIONAL);
        model.addAttribute("lastMonth", figures.currentMonth().minusMonths(1).toString());
        String province = user.scope().kind() == vn.cho40.identity.Scope.Kind.PROVINCE ? user.scope().code() : null;
        model.addAttribute("threshold", figures.activeThreshold(province));
        return "rollout/plans";
    }

    @PostMapping("/rollout/plans")
    String create(@RequestParam Map<String, String> form, Model model) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_PLAN);
        try {
            Plans.Plan plan = plans.create(user, new Plans.NewPlan(form.get("provinceCode"), form.get("issuer"),
                    form.get("number"), date(form.get("issuedOn")), form.get("title")));
            return "redirect:/rollout/plans/" + plan.id();
        } catch (InvalidInputException e) {
            return listPage(user, model, form, formErrors.of(e), Map.of());
        }
    }

    @GetMapping("/rollout/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_READ);
        return planPage(user, id, model, Map.of(), Map.of());
    }

    private String planPage(CurrentUser user, UUID id, Model model, Map<String, String> form,
                            Map<String, String> errors) {
        Plans.Plan plan = plans.get(user.scope(), id);
        model.addAttribute("plan", plan);
        List<Plans.Target> targets = plans.targets(id);
        model.addAttribute("targets", targets);
        model.addAttribute("marketsShort", plans.marketsShort(plan, targets));
        model.addAttribute("communeNames", plans.communeNames(targets));
        model.addAttribute("markets", plans.priorityMarkets(id));
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("canPlan", user.may(Permission.ROLLOUT_PLAN));
        return "rollout/plan";
    }

    @PostMapping("/rollout/plans/{id}/targets")
    String addTarget(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_PLAN);
        try {
            plans.addTarget(user, id, new Plans.NewTarget(form.get("indicator"), form.get("kind"), form.get("value"),
                    date(form.get("deadline")), form.get("scope"), form.get("scopeCode"), form.get("priorityYear")));
            return "redirect:/rollout/plans/" + id;
        } catch (InvalidInputException e) {
            return planPage(user, id, model, form, formErrors.of(e));
        }
    }

    @PostMapping("/rollout/plans/{id}/markets")
    String addMarkets(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_PLAN);
        try {
            plans.addMarkets(user, id, Arrays.asList(form.getOrDefault("marketCodes", "").split("[,;\\s]+")),
                    form.get("year"));
            return "redirect:/rollout/plans/" + id;
        } catch (InvalidInputException e) {
            return planPage(user, id, model, form, formErrors.of(e));
        }
    }

    @PostMapping("/rollout/reported")
    String enter(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_PLAN);
        try {
            reported.enter(user, new Reported.NewFigure(form.get("regime"), form.get("unitCode"), form.get("label"),
                    form.get("month"), form.get("value"), form.get("unit"), form.get("source")));
            flash.addFlashAttribute("saved", "rollout.reported.saved");
            return "redirect:/rollout/plans";
        } catch (InvalidInputException e) {
            return listPage(user, model, Map.of(), Map.of(), formErrors.of(e));
        }
    }

    @PostMapping("/rollout/freeze")
    String freeze(@RequestParam(required = false) String month, Model model, RedirectAttributes flash) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_PLAN);
        try {
            KpiSnapshots.Frozen done = settings.freeze(user, month);
            flash.addFlashAttribute("frozen", done);
            return "redirect:/rollout/plans";
        } catch (InvalidInputException e) {
            return listPage(user, model, Map.of(), Map.of("month", formErrors.of(e).values().iterator().next()),
                    Map.of());
        }
    }

    @PostMapping("/rollout/settings")
    String threshold(@RequestParam(required = false) String threshold, Model model, RedirectAttributes flash) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_PLAN);
        try {
            settings.setThreshold(user, threshold);
            return "redirect:/rollout/plans";
        } catch (InvalidInputException e) {
            return listPage(user, model, Map.of(), Map.of("threshold", formErrors.of(e).values().iterator().next()),
                    Map.of());
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return VnFormats.parseDate(text).or(() -> {
            try {
                return java.util.Optional.of(LocalDate.parse(text.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }).orElseThrow(() -> new InvalidInputException(Violation.of("date", "rollout.date.invalid", text)));
    }
}
