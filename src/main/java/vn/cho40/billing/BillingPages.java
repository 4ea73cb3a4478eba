package vn.cho40.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.ListPage;
import vn.cho40.shared.NotFoundException;

/**
 * The board's bills: a month's bills with their state and totals, the run's preview and issue, one bill with its
 * lines, payments and QR (the rate book is {@link RatePages}).
 */
@Controller
class BillingPages {

    private final Bills bills;
    private final BillingRuns runs;
    private final FeeRates rates;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;
    private final BillWaivers waivers;
    private final BillCorrections corrections;

    BillingPages(Bills bills, BillingRuns runs, FeeRates rates, Markets markets, Access access, FormErrors formErrors,
                 BillWaivers waivers, BillCorrections corrections) {
        this.waivers = waivers;
        this.corrections = corrections;
        this.bills = bills;
        this.runs = runs;
        this.rates = rates;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/billing")
    String month(@RequestParam(defaultValue = "") String market,
                 @RequestParam(name = "period", defaultValue = "") String periodText,
                 @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "false") boolean preview,
                 @RequestParam(defaultValue = "") String run, @RequestParam(defaultValue = "") String q,
                 @RequestParam(required = false) String page, Model model) {
        CurrentUser user = access.requirePermission(Permission.BILL_READ);
        List<MarketListing> choices = markets.inScope(user.scope());
        String code = !market.isBlank() ? market : choices.size() == 1 ? choices.getFirst().code() : "";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        // A quarter or a day of tickets is previewed by its text ("2026-Q4", "15/11/2026"), a month by the month shown.
        java.util.Optional<BillingPeriod> toRun = run.isBlank() ? java.util.Optional.empty() : BillingPeriod.parse(run);
        if (!run.isBlank() && toRun.isEmpty()) {
            model.addAttribute("refused", formErrors.text("billing.run.period", run));
        }
        // A month typed by hand where the browser has no month picker ("11/2026") is read too; anything else is said.
        YearMonth period = monthOf(periodText);
        YearMonth month = toRun.map(b -> YearMonth.from(b.first()))
                .orElse(period != null ? period : YearMonth.from(today).minusMonths(1));
        if (period == null && !periodText.isBlank() && toRun.isEmpty()) {
            model.addAttribute("refused", formErrors.text("billing.report.monthRefused", periodText.strip(),
                    month.getMonthValue(), month.getYear()));
        }
        model.addAttribute("markets", choices);
        model.addAttribute("period", month);
        model.addAttribute("status", status);
        model.addAttribute("statusFilters", Bills.STATUS_FILTERS);
        model.addAttribute("today", today);
        if (!code.isBlank()) {
            Market m = markets.forStaff(code, Permission.BILL_READ);
            ListPage<Bills.View> list = bills.page(m.id(), month, status, q, ListPage.requested(page));
            Bills.Sums sums = bills.sums(m.id(), month, status, q);
            model.addAttribute("market", m);
            model.addAttribute("q", q);
            model.addAttribute("bills", list.rows());
            model.addAttribute("list", list);
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("market", m.code());
            filters.put("period", month.toString());
            filters.put("status", status);
            filters.put("q", q);
            model.addAttribute("pageLinks", list.links("/billing", filters));
            model.addAttribute("previousHref", list.previousHref("/billing", filters));
            model.addAttribute("nextHref", list.nextHref("/billing", filters));
            model.addAttribute("billed", sums.billedVnd());
            model.addAttribute("collected", sums.collectedVnd());
            model.addAttribute("outstanding", sums.outstandingVnd());
            // The month's preview is offered while the month has no bill at all, whatever the filters show.
            model.addAttribute("monthEmpty", status.isBlank() && q.isBlank() ? list.total() == 0
                    : bills.sums(m.id(), month, "", "").count() == 0);
            model.addAttribute("mayIssue", markets.allows(m, Permission.BILL_ISSUE));
            if (preview || toRun.isPresent()) {
                BillingPeriod billing = toRun.orElse(BillingPeriod.month(month));
                model.addAttribute("preview", runs.preview(m, billing));
                model.addAttribute("timing", billing.timing(today).name());
            }
        }
        return "billing/month";
    }

    /** "2026-11" or "11/2026"; null when the text is neither. */
    static YearMonth monthOf(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return t.matches("\\d{1,2}/\\d{4}") ? YearMonth.parse(t, java.time.format.DateTimeFormatter.ofPattern("M/yyyy"))
                    : YearMonth.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Issues a month ("2026-11"), a quarter ("2026-Q4") or a day of tickets for non-fixed sellers ("2026-11-15"). */
    @PostMapping("/billing/runs")
    String issue(@RequestParam String market, @RequestParam String period,
                 @RequestParam(defaultValue = "false") boolean confirmPeriod,
                 @RequestParam(defaultValue = "false") boolean confirmGaps, RedirectAttributes redirect) {
        Market m = markets.forStaff(market, Permission.BILL_ISSUE);
        java.util.Optional<BillingPeriod> billing = BillingPeriod.parse(period);
        if (billing.isEmpty()) {
            redirect.addFlashAttribute("refused", formErrors.text("billing.run.period", period));
            return "redirect:/billing?market=" + m.code();
        }
        String month = "redirect:/billing?market=" + m.code() + "&period=" + YearMonth.from(billing.get().first());
        try {
            BillingRuns.Issued done = runs.issue(m, billing.get(), access.require().username(),
                    new BillingRuns.Consent(confirmPeriod, confirmGaps));
            redirect.addFlashAttribute("issued", done);
            return month;
        } catch (InvalidInputException e) {
            // Back to the preview, where what is to be confirmed is shown with its box.
            redirect.addFlashAttribute("refused", String.join(" ", formErrors.of(e).values()));
            return month + "&run=" + billing.get();
        }
    }

    @GetMapping("/billing/bills/{id}")
    String bill(@PathVariable UUID id, Model model) {
        Bills.View b = bills.get(id).orElseThrow(() -> new NotFoundException("billing.bill.notFound", id));
        Market m = markets.forStaffOf(b.marketId(), Permission.BILL_READ,
                () -> new NotFoundException("billing.bill.notFound", id));
        model.addAttribute("market", m);
        model.addAttribute("bill", b);
        model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        model.addAttribute("lines", bills.lines(id));
        model.addAttribute("payments", bills.payments(id));
        model.addAttribute("waivers", waivers.ofBill(id));
        model.addAttribute("corrections", corrections.of(id));
        model.addAttribute("mayCorrect", markets.allows(m, Permission.BILL_ISSUE) && !"CREDIT_NOTE".equals(b.kind()));
        model.addAttribute("charges", Charge.values());
        model.addAttribute("reasonKinds", BillWaivers.ReasonKind.values());
        model.addAttribute("mayRequestWaiver", markets.allows(m, Permission.CASH_COLLECT)
                || markets.allows(m, Permission.BILL_ISSUE));
        if (b.qrPayload() != null) {
            model.addAttribute("png", java.util.Base64.getEncoder().encodeToString(
                    vn.cho40.vietqr.QrImages.png(b.qrPayload(), 360)));
        }
        return "billing/bill";
    }

    /** The printable notice of every unpaid bill of the bill's stall, with the oldest one's QR. */
    @GetMapping(value = "/billing/bills/{id}/notice.pdf", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> notice(@PathVariable UUID id) {
        Bills.View b = bills.get(id).orElseThrow(() -> new NotFoundException("billing.bill.notFound", id));
        Market m = markets.forStaffOf(b.marketId(), Permission.BILL_READ,
                () -> new NotFoundException("billing.bill.notFound", id));
        List<Bills.View> open = bills.openOfStall(m.id(), b.stallCode()).stream()
                .filter(x -> x.traderId().equals(b.traderId())).toList();
        byte[] qr = open.isEmpty() || open.getFirst().qrPayload() == null ? null
                : vn.cho40.vietqr.QrImages.png(open.getFirst().qrPayload(), 360);
        byte[] pdf = ArrearsNotice.pdf(new ArrearsNotice.Heading(m.name(), m.address(), b.traderName(), b.stallCode()),
                open, LocalDate.now(vn.cho40.shared.VnFormats.VIETNAM), qr);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"giay-bao-no-" + b.stallCode() + ".pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(pdf);
    }
}
