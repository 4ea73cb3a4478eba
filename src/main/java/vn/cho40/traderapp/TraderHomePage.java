package vn.cho40.traderapp;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;
import vn.cho40.trader.Lease;
import vn.cho40.trader.Trader;
import vn.cho40.trader.Traders;

/**
 * The trader's app after phone login: the live feed, the stall's QR, takings today / this week / this month,
 * cash sales written down, and the month's revenue book with its XLSX and PDF.
 */
@Controller
class TraderHomePage {

    private final Traders traders;
    private final RevenueBook book;
    private final Markets markets;
    private final Access access;
    private final FormErrors errors;
    private final vn.cho40.vietqr.StallCodes codes;
    private final vn.cho40.billing.Bills bills;
    private final java.time.Clock clock;

    TraderHomePage(Traders traders, RevenueBook book, Markets markets, Access access, FormErrors errors,
                   vn.cho40.vietqr.StallCodes codes, vn.cho40.billing.Bills bills, java.time.Clock clock) {
        this.clock = clock;
        this.bills = bills;
        this.codes = codes;
        this.traders = traders;
        this.book = book;
        this.markets = markets;
        this.access = access;
        this.errors = errors;
    }

    @GetMapping("/trader")
    String home(Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        model.addAttribute("trader", traders.get(me.traderId(), Permission.OWN_DATA));
        List<Lease> leases = traders.leases(me.traderId());
        model.addAttribute("leases", leases);
        model.addAttribute("withCode", leases.stream().filter(l -> l.endsOn() == null).filter(l -> {
            var market = markets.get(l.marketCode());
            return codes.find(market, codes.stall(market, l.stallCode())).isPresent();
        }).map(Lease::stallId).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("accounts", traders.accounts(me.traderId()));
        model.addAttribute("banks", BankDirectory.shipped().shortNames());
        model.addAttribute("takings", book.takings(me.traderId()));
        // Bills to pay, said on the home screen: how many are open and how many of them are overdue.
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM));
        List<vn.cho40.billing.Bills.View> open = bills.openOfTrader(me.traderId());
        model.addAttribute("openBills", open.size());
        model.addAttribute("overdueBills", open.stream().filter(b -> b.overdue(today)).count());
        model.addAttribute("dueTotal", open.stream().mapToLong(vn.cho40.billing.Bills.View::dueVnd).sum());
        // A bill issued this week is announced on its own, so a new month's bill is not lost among older ones.
        model.addAttribute("newBills", open.stream().filter(b -> b.isNew(today)).toList());
        return "trader/home";
    }

    /** The takings block alone, refreshed by the app when a payment arrives. */
    @GetMapping("/trader/takings")
    String takings(Model model) {
        model.addAttribute("takings", book.takings(access.requirePermission(Permission.OWN_DATA).traderId()));
        return "trader/home :: takings";
    }

    @PostMapping("/trader/cash")
    String addCash(@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String date,
                   @RequestParam(defaultValue = "") String note,
                   @RequestParam(defaultValue = "/trader") String back, RedirectAttributes redirect) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        try {
            Lease lease = openLease(me.traderId());
            var sale = book.addCash(me.traderId(), lease.marketId(), amount, date, note);
            redirect.addFlashAttribute("notice", "cash.added");
            redirect.addFlashAttribute("noticeArg", vn.cho40.shared.Money.vnd(sale.amountVnd()).format());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("cashErrors", errors.of(e));
            redirect.addFlashAttribute("cashAmount", amount);
            redirect.addFlashAttribute("cashNote", note);
        }
        return "redirect:" + (back.equals("/trader/book") ? "/trader/book" : "/trader") + "#cash";
    }

    /** A market sale's ceiling for a code with its amount in it: far above any stall's sale, below a typing slip. */
    private static final long MAX_SALE_VND = 500_000_000L;

    /** A code for one sale: the customer's app fills in the amount; the payment is matched by its code. */
    @PostMapping("/trader/sale")
    String sale(@RequestParam(defaultValue = "") String amount, Model model, RedirectAttributes redirect) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        var money = vn.cho40.shared.Money.parse(amount).filter(m -> m.vnd() > 0 && m.vnd() <= MAX_SALE_VND);
        if (money.isEmpty()) {
            redirect.addFlashAttribute("saleError", amount.isBlank() ? errors.text("cash.amount.missing")
                    : errors.text("sale.amount.invalid", amount.strip(), vn.cho40.shared.Money.vnd(MAX_SALE_VND).format()));
            return "redirect:/trader#sale";
        }
        Lease lease = openLease(me.traderId());
        var market = markets.get(lease.marketCode());
        var code = codes.dynamic(market, codes.stall(market, lease.stallCode()), money.get().vnd(), null);
        model.addAttribute("amount", money.get());
        model.addAttribute("words", vn.cho40.shared.AmountInWords.invoice(money.get().vnd(),
                vn.cho40.shared.AmountInWords.Style.NORTHERN));
        model.addAttribute("holder", code.holderName());
        model.addAttribute("png", java.util.Base64.getEncoder().encodeToString(
                vn.cho40.vietqr.QrImages.screenPng(code.payload(), 720)));
        return "trader/sale";
    }

    @PostMapping("/trader/cash/{id}/remove")
    String removeCash(@PathVariable UUID id, RedirectAttributes redirect) {
        book.removeCash(access.requirePermission(Permission.OWN_DATA).traderId(), id);
        redirect.addFlashAttribute("notice", "cash.removed");
        return "redirect:/trader/book";
    }

    @GetMapping("/trader/book")
    String book(@RequestParam(required = false) String month, Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        YearMonth m = month(month);
        List<RevenueBook.Day> days = book.month(me.traderId(), m);
        model.addAttribute("month", m);
        model.addAttribute("previous", m.minusMonths(1));
        model.addAttribute("next", m.plusMonths(1).isAfter(YearMonth.from(book.today())) ? null : m.plusMonths(1));
        model.addAttribute("days", days);
        model.addAttribute("total", RevenueBook.total(days));
        model.addAttribute("words", RevenueBookFiles.totalInWords(RevenueBook.total(days).totalVnd()));
        model.addAttribute("cash", book.cashSales(me.traderId(), m));
        model.addAttribute("today", book.today());
        return "trader/book";
    }

    @GetMapping("/trader/book.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String month) {
        return file(month, "xlsx");
    }

    @GetMapping("/trader/book.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String month) {
        return file(month, "pdf");
    }

    private ResponseEntity<byte[]> file(String month, String kind) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        YearMonth m = month(month);
        Trader trader = traders.get(me.traderId(), Permission.OWN_DATA);
        RevenueBookFiles.Keeper keeper = new RevenueBookFiles.Keeper(trader.fullName(), trader.taxCode(),
                place(me.traderId()));
        List<RevenueBook.Day> days = book.month(me.traderId(), m);
        boolean pdf = kind.equals("pdf");
        byte[] body = pdf ? RevenueBookFiles.pdf(keeper, m, days, book.today())
                : RevenueBookFiles.xlsx(keeper, m, days, book.today());
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("so-doanh-thu-" + m + "." + kind).build().toString())
                .body(body);
    }

    private String place(UUID traderId) {
        return traders.leases(traderId).stream().filter(l -> l.endsOn() == null)
                .map(l -> "Quầy " + l.stallCode() + ", " + markets.find(l.marketCode()).map(x -> x.name())
                        .orElse(l.marketCode()))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private Lease openLease(UUID traderId) {
        return traders.leases(traderId).stream().filter(l -> l.endsOn() == null).findFirst()
                .orElseThrow(() -> new InvalidInputException(Violation.of("amount", "cash.noStall")));
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(book.today());
        }
        YearMonth m;
        try {
            m = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("month", "book.month.invalid", text.strip()));
        }
        if (m.isAfter(YearMonth.from(book.today()))) {
            // A book of a month to come has nothing to show and nothing to write in.
            throw new InvalidInputException(Violation.of("month", "book.month.future", text.strip()));
        }
        return m;
    }
}
