package vn.cho40.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Permission;
import vn.cho40.identity.StaffUsers;
import vn.cho40.market.Market;

/**
 * The cash book: every cashier's day of a month, what the receipts add up to, what was counted at the close and
 * the difference with its reason; days left open are marked, so the manager sees a desk nobody closed.
 */
@Controller
class CashBookPages {

    private final CashDesk desk;
    private final MarketChoice choice;
    private final StaffUsers staffUsers;

    CashBookPages(CashDesk desk, MarketChoice choice, StaffUsers staffUsers) {
        this.desk = desk;
        this.choice = choice;
        this.staffUsers = staffUsers;
    }

    @GetMapping("/billing/cashbook")
    String book(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String month,
                Model model) {
        Market m = choice.of(market, Permission.BILL_READ, model, true);
        LocalDate today = desk.today();
        YearMonth shown = YearMonth.from(today);
        if (!month.isBlank()) {
            try {
                shown = YearMonth.parse(month.strip());
            } catch (java.time.format.DateTimeParseException e) {
                model.addAttribute("monthRefused", month.strip());
            }
        }
        model.addAttribute("month", shown);
        model.addAttribute("monthValue", shown.toString());
        model.addAttribute("today", today);
        if (m != null) {
            model.addAttribute("market", m);
            List<CashDesk.Day> days = desk.book(m.id(), shown);
            model.addAttribute("days", days);
            model.addAttribute("receipts", days.stream().mapToInt(CashDesk.Day::receipts).sum());
            model.addAttribute("expectedVnd", days.stream().mapToLong(CashDesk.Day::expectedVnd).sum());
            model.addAttribute("differenceVnd", days.stream().filter(d -> d.countedVnd() != null)
                    .mapToLong(CashDesk.Day::differenceVnd).sum());
            model.addAttribute("receiptsOf", receipts(days));
            // The book names people, as the receipts do; a login no longer known is shown as it was recorded.
            Map<String, String> names = new LinkedHashMap<>();
            days.forEach(d -> names.computeIfAbsent(d.cashier(),
                    c -> staffUsers.find(c).map(u -> u.fullName()).orElse(c)));
            model.addAttribute("cashierNames", names);
        }
        return "billing/cash-book";
    }

    private Map<UUID, List<CashDesk.Receipt>> receipts(List<CashDesk.Day> days) {
        Map<UUID, List<CashDesk.Receipt>> out = new LinkedHashMap<>();
        days.forEach(d -> out.put(d.sessionId(), desk.receipts(d.sessionId())));
        return out;
    }
}
