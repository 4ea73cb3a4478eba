package vn.cho40.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.identity.Scope;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/**
 * The rate book: every rate of the province with its legal basis and dates, a form to add one (the province for
 * all its markets or a class of them, a board for its own market only), and ending a rate on the day before a new
 * decision takes over. Issued bills keep their amounts whatever happens here.
 */
@Controller
class RatePages {

    static final List<String> UNITS = List.of("M2_MONTH", "M2_DAY", "STALL_MONTH", "SESSION", "KWH", "M3");

    private final FeeRates rates;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;

    RatePages(FeeRates rates, Markets markets, Access access, FormErrors formErrors) {
        this.rates = rates;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/billing/rates")
    String rates(@RequestParam(defaultValue = "") String province, Model model) {
        CurrentUser user = access.requirePermission(Permission.BILL_READ);
        return page(user, province, Map.of("charge", "RENT", "unit", "M2_MONTH", "vatIncluded", "on"), Map.of(), model);
    }

    private String page(CurrentUser user, String province, Map<String, String> form, Map<String, String> errors,
                        Model model) {
        // The rate book of the user's province: a province's staff see theirs, a board its market's province.
        List<MarketListing> inScope = markets.inScope(user.scope());
        List<String> provinces = inScope.stream().map(l -> markets.get(l.code()).provinceCode()).distinct().toList();
        String p = !province.isBlank() && provinces.contains(province) ? province
                : provinces.isEmpty() ? "" : provinces.getFirst();
        Map<UUID, String> marketNames = new HashMap<>();
        List<MarketListing> editable = new ArrayList<>();
        for (MarketListing l : inScope) {
            Market m = markets.get(l.code());
            marketNames.put(m.id(), m.name());
            if (m.provinceCode().equals(p) && markets.allows(m, Permission.FEE_RATES_EDIT)) {
                editable.add(l);
            }
        }
        model.addAttribute("province", p);
        model.addAttribute("provinces", provinces);
        model.addAttribute("rates", rates.ofProvince(p));
        model.addAttribute("marketNames", marketNames);
        model.addAttribute("editable", editable);
        model.addAttribute("provinceWide", provinceWide(user, p));
        model.addAttribute("charges", Charge.values());
        model.addAttribute("units", UNITS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(VnFormats.VIETNAM));
        return "billing/rates";
    }

    /** Rates for every market of a province (or a class of them) are the province's to set, not a board's. */
    private static boolean provinceWide(CurrentUser user, String province) {
        return user.may(Permission.FEE_RATES_EDIT) && (user.scope().kind() == Scope.Kind.NATIONAL
                || (user.scope().kind() == Scope.Kind.PROVINCE && user.scope().code().equals(province)));
    }

    @PostMapping("/billing/rates")
    String add(@RequestParam Map<String, String> form, Model model) {
        CurrentUser user = access.requirePermission(Permission.FEE_RATES_EDIT);
        String province = form.getOrDefault("province", "");
        try {
            rates.add(rate(user, province, form), user.username());
            return "redirect:/billing/rates?province=" + province + "&added=1";
        } catch (InvalidInputException e) {
            return page(user, province, form, formErrors.of(e), model);
        }
    }

    @PostMapping("/billing/rates/{id}/end")
    String end(@PathVariable UUID id, @RequestParam(defaultValue = "") String lastDay, Model model) {
        CurrentUser user = access.requirePermission(Permission.FEE_RATES_EDIT);
        FeeRate r = rates.get(id).orElseThrow(() -> new vn.cho40.shared.NotFoundException("billing.rate.notFound", id));
        mayEdit(user, r);
        try {
            LocalDate day = VnFormats.parseDate(lastDay).orElseThrow(() ->
                    new InvalidInputException(Violation.of("lastDay", "billing.rate.lastDay")));
            rates.end(r, day, user.username());
            return "redirect:/billing/rates?province=" + r.provinceCode();
        } catch (InvalidInputException e) {
            return page(user, r.provinceCode(), Map.of("charge", "RENT", "unit", "M2_MONTH"), formErrors.of(e), model);
        }
    }

    /** A board changes only its own market's rates; the province its own and those of its markets. */
    private void mayEdit(CurrentUser user, FeeRate r) {
        if (r.marketId() == null) {
            if (!provinceWide(user, r.provinceCode())) {
                throw new vn.cho40.shared.NotFoundException("billing.rate.notFound", r.id());
            }
        } else {
            Market m = markets.findById(r.marketId()).orElseThrow();
            markets.forStaff(m.code(), Permission.FEE_RATES_EDIT);
        }
    }

    /** The form as a rate, every problem named at once. */
    private FeeRate rate(CurrentUser user, String province, Map<String, String> f) {
        List<Violation> problems = new ArrayList<>();
        Charge charge = null;
        try {
            charge = Charge.valueOf(f.getOrDefault("charge", ""));
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of("charge", "billing.rate.charge"));
        }
        UUID marketId = null;
        Integer marketClass = null;
        String scope = f.getOrDefault("scope", "MARKET");
        if (scope.equals("PROVINCE") || scope.equals("CLASS")) {
            if (!provinceWide(user, province)) {
                problems.add(Violation.of("scope", "billing.rate.scopeProvince"));
            } else if (scope.equals("CLASS")) {
                marketClass = switch (f.getOrDefault("marketClass", "")) {
                    case "1" -> 1;
                    case "2" -> 2;
                    case "3" -> 3;
                    default -> {
                        problems.add(Violation.of("marketClass", "billing.rate.marketClass"));
                        yield null;
                    }
                };
            }
        } else {
            Optional<Market> m = markets.find(f.getOrDefault("market", "")).filter(x -> x.provinceCode().equals(province));
            if (m.isEmpty()) {
                problems.add(Violation.of("market", "billing.rate.market"));
            } else {
                marketId = markets.forStaff(m.get().code(), Permission.FEE_RATES_EDIT).id();
            }
        }
        String position = f.getOrDefault("positionClass", "").strip().toUpperCase(java.util.Locale.ROOT);
        if (!position.isEmpty() && !position.matches("[A-Z0-9]{1,10}")) {
            problems.add(Violation.of("positionClass", "billing.rate.positionClass"));
        }
        Boolean covered = switch (f.getOrDefault("covered", "")) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
        String seller = switch (f.getOrDefault("seller", "")) {
            case "FIXED" -> "FIXED";
            case "NON_FIXED" -> "NON_FIXED";
            default -> null;
        };
        String unit = f.getOrDefault("unit", "");
        if (!UNITS.contains(unit)) {
            problems.add(Violation.of("unit", "billing.rate.unit"));
        }
        Optional<Money> price = Money.parse(f.getOrDefault("price", ""));
        if (price.isEmpty() || price.get().vnd() <= 0) {
            problems.add(Violation.of("priceVnd", "billing.rate.price"));
        }
        Integer vatBp = null;
        String vat = f.getOrDefault("vatPercent", "").strip().replace(',', '.');
        if (!vat.isEmpty()) {
            try {
                java.math.BigDecimal percent = new java.math.BigDecimal(vat);
                if (percent.signum() < 0 || percent.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
                    throw new NumberFormatException(vat);
                }
                vatBp = percent.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(Violation.of("vatPercent", "billing.rate.vat"));
            }
        }
        String label = f.getOrDefault("label", "").strip();
        if (label.length() > 120) {
            problems.add(Violation.of("label", "billing.rate.label"));
        }
        LocalDate basisDate = date(f.get("legalBasisDate"), "legalBasisDate", problems);
        LocalDate from = date(f.get("effectiveFrom"), "effectiveFrom", problems);
        LocalDate to = date(f.get("effectiveTo"), "effectiveTo", problems);
        if (from == null && !problems.stream().anyMatch(v -> v.field().equals("effectiveFrom"))) {
            problems.add(Violation.of("effectiveFrom", "billing.rate.effectiveFrom"));
        }
        FeeRate rate = new FeeRate(null, province, marketId, marketClass, charge, position.isEmpty() ? null : position,
                covered, seller, unit, price.map(Money::vnd).orElse(0L), "on".equals(f.get("vatIncluded")), vatBp,
                label.isEmpty() ? null : label, f.getOrDefault("legalBasis", "").strip(), basisDate,
                f.getOrDefault("legalIssuer", "").strip(), from, to);
        if (!problems.isEmpty()) {
            // with the rate book's own checks of what could be read, so one submission names every problem
            for (Violation v : FeeRates.problems(rate)) {
                if (problems.stream().noneMatch(p -> p.field().equals(v.field()))) {
                    problems.add(v);
                }
            }
            throw new InvalidInputException(problems);
        }
        return rate;
    }

    private static LocalDate date(String text, String field, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<LocalDate> d = VnFormats.parseDate(text);
        if (d.isEmpty()) {
            problems.add(Violation.of(field, "billing.rate.date", text.strip()));
        }
        return d.orElse(null);
    }
}
