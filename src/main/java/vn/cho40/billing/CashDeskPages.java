package vn.cho40.billing;

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
import vn.cho40.identity.Permission;
import vn.cho40.identity.StaffUsers;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;

/** The cashier's desk on a phone (a stall's unpaid bills, cash recorded, receipts, the day's close) and arrears. */
@Controller
class CashDeskPages {

    private final CashDesk desk;
    private final Bills bills;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;
    private final MarketChoice choice;
    private final StaffUsers staffUsers;
    private final MarketArrears areaArrears;

    CashDeskPages(CashDesk desk, Bills bills, Markets markets, Access access, FormErrors formErrors,
                  MarketChoice choice, StaffUsers staffUsers, MarketArrears areaArrears) {
        this.areaArrears = areaArrears;
        this.choice = choice;
        this.staffUsers = staffUsers;
        this.desk = desk;
        this.bills = bills;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
    }

    private Market market(String code, Permission p, Model model) {
        return choice.of(code, p, model, false);
    }

    @GetMapping("/billing/cash")
    String desk(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String stall,
                Model model) {
        Market m = market(market, Permission.CASH_COLLECT, model);
        model.addAttribute("market", m);
        if (m != null) {
            String me = access.require().username();
            var session = desk.session(m, me, desk.today());
            model.addAttribute("cashSession", session.orElse(null));
            model.addAttribute("receipts", session.map(s -> desk.receipts(s.id())).orElse(List.of()));
            String code = stall.strip().toUpperCase(java.util.Locale.ROOT);
            model.addAttribute("stall", code);
            // The stalls that owe, oldest debt first, offered as the cashier types the stall code.
            var owing = new java.util.LinkedHashMap<String, String>();
            bills.openOfMarket(m.id()).forEach(b -> owing.putIfAbsent(b.stallCode(), b.traderName()));
            model.addAttribute("owingStalls", owing);
            if (!code.isEmpty()) {
                model.addAttribute("open", bills.openOfStall(m.id(), code));
                model.addAttribute("stallKnown", bills.stallExists(m.id(), code));
            }
        }
        return "billing/cash";
    }

    @PostMapping("/billing/cash/pay")
    String pay(@RequestParam String market, @RequestParam UUID bill, @RequestParam(defaultValue = "") String amount,
               @RequestParam(defaultValue = "") String payer, @RequestParam(defaultValue = "") String stall,
               RedirectAttributes redirect) {
        Market m = markets.forStaff(market, Permission.CASH_COLLECT);
        try {
            long vnd = vn.cho40.shared.Money.parse(amount).orElseThrow(IllegalArgumentException::new).vnd();
            CashDesk.Receipt r = desk.pay(m, bill, vnd, payer, access.require().username());
            return "redirect:/billing/receipts/" + r.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("refused", String.join(" ", formErrors.of(e).values()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("refused", formErrors.text("billing.cash.amount", amount.strip()));
        }
        redirect.addFlashAttribute("refusedBill", bill.toString());
        redirect.addFlashAttribute("typedAmount", amount);
        redirect.addFlashAttribute("typedPayer", payer);
        return "redirect:/billing/cash?market=" + m.code() + "&stall=" + stall;
    }

    @GetMapping("/billing/receipts/{id}")
    String receipt(@PathVariable UUID id, Model model) {
        UUID marketId = desk.marketOf(id).orElseThrow(() -> new NotFoundException("billing.cash.noReceipt", id));
        Market m = markets.forStaffOf(marketId, Permission.BILL_READ,
                () -> new NotFoundException("billing.cash.noReceipt", id));
        model.addAttribute("market", m);
        CashDesk.Receipt receipt = desk.receipt(id).orElseThrow();
        model.addAttribute("receipt", receipt);
        // The trader keeps the paper: it names the cashier, not the login.
        model.addAttribute("cashierName", staffUsers.find(receipt.cashier()).map(u -> u.fullName())
                .orElse(receipt.cashier()));
        return "billing/receipt";
    }

    @PostMapping("/billing/cash/close")
    String close(@RequestParam String market, @RequestParam(defaultValue = "") String counted,
                 @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        Market m = markets.forStaff(market, Permission.CASH_COLLECT);
        try {
            desk.close(m, access.require().username(),
                    vn.cho40.shared.Money.parse(counted).orElseThrow(IllegalArgumentException::new).vnd(), note);
            redirect.addFlashAttribute("closedDay", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("refused", String.join(" ", formErrors.of(e).values()));
            // The count stays in the form: the cashier adds the reason, not the whole count again.
            redirect.addFlashAttribute("countedValue", counted);
            redirect.addFlashAttribute("noteValue", note);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("refused", formErrors.text("billing.cash.counted"));
        }
        return "redirect:/billing/cash?market=" + m.code();
    }

    @GetMapping("/billing/arrears")
    String arrears(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String q,
                   @RequestParam(required = false) String page, Model model) {
        Market m = market(market, Permission.BILL_READ, model);
        model.addAttribute("market", m);
        model.addAttribute("q", q);
        if (m != null) {
            java.time.LocalDate today = desk.today();
            List<Bills.View> open = bills.openOfMarket(m.id());
            model.addAttribute("buckets", MarketArrears.buckets(open, today));
            List<StallArrears> stalls = StallArrears.of(open, today);
            List<StallArrears> found = stalls.stream()
                    .filter(x -> StallSearch.matches(q, x.stallCode(), x.traderName())).toList();
            var list = vn.cho40.shared.ListPage.slice(found, vn.cho40.shared.ListPage.requested(page),
                    vn.cho40.shared.ListPage.SIZE);
            Map<String, String> filters = new java.util.LinkedHashMap<>();
            filters.put("market", m.code());
            filters.put("q", q);
            model.addAttribute("stalls", list.rows());
            model.addAttribute("anyStall", !stalls.isEmpty());
            model.addAttribute("list", list);
            model.addAttribute("foundDue", found.stream().mapToLong(StallArrears::dueVnd).sum());
            model.addAttribute("pageLinks", list.links("/billing/arrears", filters));
            model.addAttribute("previousHref", list.previousHref("/billing/arrears", filters));
            model.addAttribute("nextHref", list.nextHref("/billing/arrears", filters));
            model.addAttribute("overdueStalls", stalls.stream().filter(x -> x.age() != ArrearsAging.NOT_DUE).count());
            model.addAttribute("today", today);
            model.addAttribute("count", open.size());
            model.addAttribute("total", open.stream().mapToLong(Bills.View::dueVnd).sum());
        } else {
            // An official of a province or commune: every market of the area by age of what it is owed.
            Map<String, String> names = new java.util.LinkedHashMap<>();
            for (vn.cho40.market.MarketListing l : markets.inScope(access.require().scope())) {
                names.put(l.code(), l.name());
            }
            List<MarketArrears.Row> rows = areaArrears.of(names, desk.today());
            model.addAttribute("areaRows", rows);
            model.addAttribute("areaTotal", MarketArrears.total(rows, ""));
            model.addAttribute("ages", ArrearsAging.values());
        }
        return "billing/arrears";
    }

    @GetMapping("/billing/arrears.xlsx")
    void arrearsSheet(@RequestParam String market, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Market m = markets.forStaff(market, Permission.BILL_READ);
        java.time.LocalDate today = desk.today();
        List<StallArrears> rows = StallArrears.of(bills.openOfMarket(m.id()), today);
        response.setContentType(vn.cho40.shared.XlsxTable.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"cong-no-" + m.code() + "-" + today + ".xlsx\"");
        try (vn.cho40.shared.XlsxTable table = new vn.cho40.shared.XlsxTable("Công nợ", ArrearsSheet.COLUMNS)) {
            ArrearsSheet.fill(table, m.name(), today, rows);
            table.writeTo(response.getOutputStream());
        }
    }

    /** Every overdue stall's notice in one file, a page each, for the board to print and hand out on its round. */
    @GetMapping("/billing/arrears/notices.pdf")
    void overdueNotices(@RequestParam String market, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Market m = markets.forStaff(market, Permission.BILL_READ);
        java.time.LocalDate today = desk.today();
        List<ArrearsNotice.Notice> notices = StallArrears.of(bills.openOfMarket(m.id()), today).stream()
                .filter(s -> s.age() != ArrearsAging.NOT_DUE)
                .map(s -> new ArrearsNotice.Notice(new ArrearsNotice.Heading(m.name(), m.address(), s.traderName(),
                        s.stallCode()), s.bills(), s.bills().getFirst().qrPayload() == null ? null
                        : vn.cho40.vietqr.QrImages.png(s.bills().getFirst().qrPayload(), 360)))
                .toList();
        if (notices.isEmpty()) {
            response.sendRedirect("/billing/arrears?market=" + m.code());
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"giay-bao-no-" + m.code() + "-" + today
                + ".pdf\"");
        response.getOutputStream().write(ArrearsNotice.pdf(notices, today));
    }
}
