package vn.cho40.traderapp;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.cho40.billing.Bills;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.shared.AmountInWords;
import vn.cho40.shared.NotFoundException;

/**
 * "Hóa đơn cần trả": the trader's open bills (amount due, due date, lines), one tap to a bill's QR full screen with
 * a link for the phone's bank app, the paid bills and the credit held with the board. Nothing is spoken: the voice
 * is for money coming in.
 */
@Controller
class TraderBillsPage {

    private final Bills bills;
    private final vn.cho40.einvoice.EInvoices einvoices;
    private final Access access;
    private final vn.cho40.billing.BillReminders reminders;

    private final java.time.Clock clock;

    TraderBillsPage(Bills bills, vn.cho40.einvoice.EInvoices einvoices, Access access,
                    vn.cho40.billing.BillReminders reminders, java.time.Clock clock) {
        this.clock = clock;
        this.reminders = reminders;
        this.bills = bills;
        this.einvoices = einvoices;
        this.access = access;
    }

    @GetMapping("/trader/bills")
    String list(Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        var all = bills.ofTrader(me.traderId(), 12);
        model.addAttribute("open", all.stream().filter(Bills.View::open).toList());
        model.addAttribute("paid", all.stream().filter(b -> !b.open()).toList());
        model.addAttribute("credit", bills.creditOf(me.traderId()));
        model.addAttribute("reminded", reminders.remindedRecently(me.traderId()));
        model.addAttribute("today", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))));
        return "trader/bills";
    }

    @GetMapping("/trader/bills/{id}")
    String bill(@PathVariable UUID id, Model model) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        Bills.View b = bills.get(id).filter(v -> v.traderId().equals(me.traderId()))
                .orElseThrow(() -> new NotFoundException("billing.bill.notFound", id));
        model.addAttribute("bill", b);
        model.addAttribute("overdue", b.overdue(LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")))));
        model.addAttribute("lines", bills.lines(id));
        model.addAttribute("documents", einvoices.documentsOf("bill:" + id));
        model.addAttribute("payments", bills.payments(id));
        // An open bill shows what is left to pay; a settled one what was paid (not "0 ₫").
        model.addAttribute("shown", b.open() ? b.dueVnd() : b.paidVnd());
        model.addAttribute("words", AmountInWords.invoice(b.open() ? b.dueVnd() : b.paidVnd(),
                AmountInWords.Style.NORTHERN));
        if (b.qrPayload() != null) {
            model.addAttribute("png", java.util.Base64.getEncoder().encodeToString(
                    vn.cho40.vietqr.QrImages.screenPng(b.qrPayload(), 720)));
        }
        return "trader/bill";
    }
}
