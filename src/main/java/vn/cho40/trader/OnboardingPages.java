package vn.cho40.trader;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.LogSmsSender;
import vn.cho40.identity.OneTimeCodes;
import vn.cho40.identity.Permission;
import vn.cho40.identity.SmsSender;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/**
 * The onboarding wizard for a community tech member on a phone: find or create the trader, identity and
 * consent, phone by one-time code, receiving account, stall, confirm. Six screens; each step is saved, so
 * an onboarding interrupted by a customer or a dead battery resumes where it stopped.
 */
@Controller
class OnboardingPages {

    private final Onboardings onboardings;
    private final Traders traders;
    private final Markets markets;
    private final OneTimeCodes codes;
    private final SmsSender sms;
    private final Access access;
    private final FormErrors formErrors;

    OnboardingPages(Onboardings onboardings, Traders traders, Markets markets, OneTimeCodes codes, SmsSender sms,
                    Access access, FormErrors formErrors) {
        this.onboardings = onboardings;
        this.traders = traders;
        this.markets = markets;
        this.codes = codes;
        this.sms = sms;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/onboarding")
    String start(Model model) {
        model.addAttribute("unfinished", onboardings.unfinished());
        model.addAttribute("markets", markets.inScope(access.require().scope()));
        model.addAttribute("step", Onboarding.Step.FIND);
        return "trader/onboarding-find";
    }

    @PostMapping("/onboarding")
    String find(@RequestParam String market, @RequestParam(defaultValue = "") String lookup, Model model,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Market m = markets.forStaff(market, Permission.TRADER_EDIT);
        // A trader registered outside the user's scope is not picked up: the steps after would be refused, and
        // the phone step would text a person this board does not serve.
        Optional<Trader> existing = lookup.isBlank() ? Optional.empty()
                : traders.findByPhone(lookup).or(() -> traders.findByIdNumber(lookup))
                        .filter(t -> traders.visible(t.id(), Permission.TRADER_EDIT));
        Onboarding o = existing.isPresent()
                ? onboardings.start(m, existing.get().id(), existing.get().phoneVerifiedAt() == null
                        ? Onboarding.Step.PHONE : Onboarding.Step.ACCOUNT)
                : onboardings.start(m, null, Onboarding.Step.IDENTITY);
        if (existing.isEmpty() && !lookup.isBlank()) {
            // What was typed to look the trader up is the start of their identity: no need to type it twice.
            String typed = lookup.replaceAll("[\\s.\\-]", "");
            redirect.addFlashAttribute("prefill", vn.cho40.shared.PhoneNumber.normalize(typed)
                    .map(p -> Map.of("phone", p)).orElse(typed.matches("[0-9]{9}|[0-9]{12}")
                            ? Map.of("idNumber", typed) : Map.of()));
        }
        return "redirect:/onboarding/" + o.id() + (existing.isEmpty() ? "/identity" : "");
    }

    @GetMapping("/onboarding/{id}")
    String resume(@PathVariable UUID id) {
        Onboarding o = onboardings.get(id);
        return o.step() == Onboarding.Step.DONE ? "redirect:/admin/traders/" + o.traderId()
                : "redirect:/onboarding/" + id + "/" + o.step().path();
    }

    @GetMapping("/onboarding/{id}/{step}")
    String show(@PathVariable UUID id, @PathVariable String step, Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> prefill = (Map<String, String>) model.asMap().getOrDefault("prefill", Map.of());
        Onboarding o = onboardings.get(id);
        Onboarding.Step wanted = java.util.Arrays.stream(Onboarding.Step.values())
                .filter(s -> s.path().equals(step)).findFirst().orElse(Onboarding.Step.FIND);
        // Screens before the trader exists, or past the end, lead back to where the onboarding stands.
        if (wanted == Onboarding.Step.FIND || wanted == Onboarding.Step.DONE
                || (o.traderId() == null && wanted != Onboarding.Step.IDENTITY)
                || (o.traderId() != null && wanted == Onboarding.Step.IDENTITY)) {
            return resume(id);
        }
        return page(o, wanted, model, Map.of(), prefill);
    }

    @PostMapping("/onboarding/{id}/identity")
    String identity(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Onboarding o = onboardings.get(id);
        Market market = markets.forStaff(o.marketCode(), Permission.TRADER_EDIT);
        try {
            Trader t = traders.create(market, new Traders.NewTrader(form.get("fullName"), form.get("idNumber"),
                    parseDate(form.get("birthDate")), form.get("phone"), form.get("taxCode"),
                    "on".equals(form.get("consent")) || "true".equals(form.get("consent"))));
            onboardings.advance(id, t.id(), Onboarding.Step.PHONE);
            return "redirect:/onboarding/" + id + "/phone";
        } catch (InvalidInputException e) {
            return page(o, Onboarding.Step.IDENTITY, model, formErrors.of(e), form);
        }
    }

    @PostMapping("/onboarding/{id}/phone/send")
    String sendCode(@PathVariable UUID id, Model model) {
        Onboarding o = onboardings.get(id);
        traders.get(o.traderId(), Permission.TRADER_EDIT);
        String phone = traders.phoneForSms(o.traderId());
        try {
            codes.send(OneTimeCodes.Purpose.VERIFY_PHONE, phone);
            model.addAttribute("codeSent", true);
            if (sms instanceof LogSmsSender log) {
                log.forScreen(phone).ifPresent(text -> model.addAttribute("demoSms", text));
            }
            return page(o, Onboarding.Step.PHONE, model, Map.of(), Map.of());
        } catch (InvalidInputException e) {
            return page(o, Onboarding.Step.PHONE, model, formErrors.of(e), Map.of());
        }
    }

    @PostMapping("/onboarding/{id}/phone")
    String verifyCode(@PathVariable UUID id, @RequestParam String code, Model model) {
        Onboarding o = onboardings.get(id);
        OneTimeCodes.Outcome outcome = codes.verify(OneTimeCodes.Purpose.VERIFY_PHONE,
                traders.phoneForSms(o.traderId()), code);
        if (outcome != OneTimeCodes.Outcome.ACCEPTED) {
            model.addAttribute("codeSent", outcome == OneTimeCodes.Outcome.WRONG);
            return page(o, Onboarding.Step.PHONE, model, Map.of("code", formErrors.text("otp." + outcome.name())),
                    Map.of());
        }
        traders.markPhoneVerified(o.traderId());
        onboardings.advance(id, null, Onboarding.Step.ACCOUNT);
        return "redirect:/onboarding/" + id + "/account";
    }

    @PostMapping("/onboarding/{id}/account")
    String account(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        Onboarding o = onboardings.get(id);
        try {
            traders.addAccount(o.traderId(), new Traders.NewAccount(null, bankBin(form), form.get("accountNo"),
                    form.get("holderName"), form.get("confirmReason")));
            onboardings.advance(id, null, Onboarding.Step.STALL);
            return "redirect:/onboarding/" + id + "/stall";
        } catch (InvalidInputException e) {
            return page(o, Onboarding.Step.ACCOUNT, model, formErrors.of(e), form);
        }
    }

    @PostMapping("/onboarding/{id}/stall")
    String stall(@PathVariable UUID id, @RequestParam String stallCode,
                 @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate startsOn,
                 @RequestParam(required = false) UUID accountId, Model model) {
        Onboarding o = onboardings.get(id);
        Market market = markets.forStaff(o.marketCode(), Permission.TRADER_EDIT);
        try {
            traders.lease(o.traderId(), market, stallCode, startsOn, accountId);
            onboardings.advance(id, null, Onboarding.Step.CONFIRM);
            return "redirect:/onboarding/" + id + "/confirm";
        } catch (InvalidInputException e) {
            return page(o, Onboarding.Step.STALL, model, formErrors.of(e), Map.of("stallCode", stallCode));
        }
    }

    /** A market without a free stall need not stop an onboarding: the stall can be given later. */
    @PostMapping("/onboarding/{id}/stall/skip")
    String skipStall(@PathVariable UUID id) {
        Onboarding o = onboardings.get(id);
        markets.forStaff(o.marketCode(), Permission.TRADER_EDIT);
        onboardings.advance(id, null, Onboarding.Step.CONFIRM);
        return "redirect:/onboarding/" + id + "/confirm";
    }

    @PostMapping("/onboarding/{id}/confirm")
    String confirm(@PathVariable UUID id) {
        Onboarding o = onboardings.get(id);
        onboardings.advance(id, null, Onboarding.Step.DONE);
        return "redirect:/admin/traders/" + o.traderId() + "?onboarded=1";
    }

    private String page(Onboarding o, Onboarding.Step step, Model model, Map<String, String> errors,
                        Map<String, String> form) {
        model.addAttribute("o", o);
        model.addAttribute("step", step);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        if (o.traderId() != null) {
            model.addAttribute("trader", traders.get(o.traderId(), Permission.TRADER_READ));
            model.addAttribute("accounts", traders.accounts(o.traderId()));
            model.addAttribute("leases", traders.leases(o.traderId()));
        }
        model.addAttribute("bankNames", BankDirectory.shipped().shortNames());
        if (step == Onboarding.Step.ACCOUNT) {
            model.addAttribute("banks", BankDirectory.shipped().all());
        }
        if (step == Onboarding.Step.STALL) {
            model.addAttribute("freeStalls", onboardings.freeStalls(markets.forStaff(o.marketCode(), null)));
            model.addAttribute("mayAddStall", access.require().may(Permission.STALL_EDIT));
        }
        return "trader/onboarding-" + step.path();
    }

    /**
     * The bank picked in the searchable field: "Vietcombank (970436)" as the list offers it, a BIN, a short name or
     * a code; the plain select's {@code bin} when the field was not used.
     */
    static String bankBin(Map<String, String> form) {
        String typed = form.getOrDefault("bank", "").strip();
        if (typed.isEmpty()) {
            return form.get("bin");
        }
        java.util.regex.Matcher bin = java.util.regex.Pattern.compile("\\b([0-9]{6})\\)?$").matcher(typed);
        if (bin.find()) {
            return bin.group(1);
        }
        return BankDirectory.shipped().byName(typed).map(vn.cho40.bank.Bank::bin).orElse(typed);
    }

    private static LocalDate parseDate(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
