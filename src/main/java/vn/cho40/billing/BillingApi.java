package vn.cho40.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/** Bills and billing runs for the board's own tools (staff credentials, HTTP Basic). */
@RestController
@Tag(name = "Hóa đơn phí chợ (market bills)")
class BillingApi {

    private final Markets markets;
    private final Bills bills;
    private final BillingRuns runs;
    private final Access access;
    private final org.springframework.context.MessageSource messages;

    BillingApi(Markets markets, Bills bills, BillingRuns runs, Access access,
               org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.markets = markets;
        this.bills = bills;
        this.runs = runs;
        this.access = access;
    }

    @Schema(description = "A bill: its number, stall, trader, month, due date, total and what was paid, status, the "
            + "code the transfer text must carry and the VietQR payload to the board's collection account (null once "
            + "nothing is due).")
    record BillJson(String id, String number, String kind, String stallCode, String traderId, String period,
                    LocalDate dueDate, long totalVnd, long paidVnd, long waivedVnd,
                    @Schema(allowableValues = {"OPEN", "PARTLY_PAID", "PAID", "WAIVED", "CREDITED"}) String status,
                    String paymentCode, String qrPayload) {
        static BillJson of(Bills.View v) {
            return new BillJson(v.id().toString(), v.number(), v.kind(), v.stallCode(), v.traderId().toString(),
                    v.period(), v.dueOn(), v.totalVnd(), v.paidVnd(), v.waivedVnd(), v.status(), v.paymentCode(),
                    v.qrPayload());
        }
    }

    @Schema(description = "A bill with its lines (quantities in thousandths of the unit) and what paid it.")
    record BillDetailJson(BillJson bill, List<Bills.Line> lines, List<Bills.Payment> payments) {
    }

    @Schema(description = "A billing run: the period and whether only to preview it.")
    record RunRequest(@Schema(example = "2026-11", description = "a month YYYY-MM, a quarter YYYY-Qn (2026-Q4) or a "
            + "day of tickets for non-fixed sellers dd/MM/yyyy (15/11/2026)",
            pattern = "^([0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])|[0-3]?[0-9]/[01]?[0-9]/[0-9]{4})$") String period,
                      Boolean dryRun) {
    }

    @Schema(description = "A run's preview or result: totals per charge type, and in a preview every bill to be "
            + "issued with its lines, and the stalls or charges that cannot be billed and why.")
    record RunJson(String period, boolean issued, int bills, long totalVnd, LocalDate dueDate,
                   Map<Charge, Long> totals, List<DraftBillJson> billsPreview, List<UnbillableJson> unbillable) {
    }

    @Schema(description = "A bill to be issued: the stall, the trader holding it, its total and its lines (quantities "
            + "in thousandths of the unit; daysBilled of daysInPeriod when a lease or a rate covers part of it).")
    record DraftBillJson(String stallCode, String traderId, long totalVnd, List<BillingRuns.DraftLine> lines) {
    }

    @Schema(description = "A stall, or one charge of it, that cannot be billed: reason is NO_LEASE, NO_RATE or "
            + "NO_READING, message says it in the request's language (Accept-Language) with what to do.")
    record UnbillableJson(String stallCode, String reason, Charge charge, String message) {
    }

    @GetMapping("/api/v1/markets/{code}/bills")
    @Operation(operationId = "listBills", summary = "Hóa đơn phí của một chợ trong một tháng: a market's bills of a month")
    List<BillJson> list(@PathVariable String code,
                        @Parameter(description = "YYYY-MM; last month when left out", example = "2026-11",
                                schema = @Schema(type = "string", pattern = "^[0-9]{4}-[0-9]{2}$"))
                        @RequestParam(required = false) YearMonth period,
                        @Parameter(description = "only bills in this status; OVERDUE: unpaid after the due date",
                                schema = @Schema(allowableValues = {"OPEN", "PARTLY_PAID", "PAID", "WAIVED", "CREDITED",
                                        "OVERDUE"}))
                        @RequestParam(defaultValue = "") String status) {
        Market m = markets.forStaff(code, Permission.BILL_READ);
        YearMonth month = period != null ? period
                : YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        return bills.ofMarket(m.id(), month, status).stream().map(BillJson::of).toList();
    }

    @GetMapping("/api/v1/bills/{id}")
    @Operation(operationId = "getBill", summary = "Một hóa đơn với các dòng và các lần thanh toán: a bill with its lines and payments")
    BillDetailJson get(@PathVariable UUID id) {
        Bills.View v = bills.get(id).orElseThrow(() -> new NotFoundException("billing.bill.notFound", id));
        Market m = markets.forStaffOf(v.marketId(), Permission.BILL_READ,
                () -> new NotFoundException("billing.bill.notFound", id));
        return new BillDetailJson(BillJson.of(v), bills.lines(id), bills.payments(id));
    }

    @PostMapping("/api/v1/markets/{code}/billing-runs")
    @ApiResponse(responseCode = "200", description = "the preview (dryRun) or the issued run",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunJson.class)))
    @Operation(operationId = "runBilling", summary = "Lập hóa đơn tháng cho mọi quầy (xem trước với dryRun): bill every "
            + "stall of a month, all bills or none; a month issued already is refused")
    ResponseEntity<RunJson> run(@PathVariable String code, @RequestBody(required = false) RunRequest body) {
        // Who may see this market is answered before what is wrong with the request.
        markets.forStaff(code, Permission.BILL_READ);
        RunRequest r = body == null ? new RunRequest(null, null) : body;
        BillingPeriod period = BillingPeriod.parse(r.period()).orElseThrow(() ->
                new InvalidInputException(Violation.of("period", "billing.run.period", String.valueOf(r.period()))));
        boolean dry = Boolean.TRUE.equals(r.dryRun());
        Market m = markets.forStaff(code, dry ? Permission.BILL_READ : Permission.BILL_ISSUE);
        BillingRuns.Preview p = runs.preview(m, period);
        if (!dry) {
            runs.issue(m, period, access.require().username());
        }
        List<DraftBillJson> preview = dry ? p.bills().stream()
                .map(b -> new DraftBillJson(b.stallCode(), b.traderId().toString(), b.totalVnd(), b.lines())).toList()
                : List.of();
        return ResponseEntity.ok(new RunJson(period.toString(), !dry || p.alreadyIssued(), p.bills().size(),
                p.totalVnd(), p.dueOn(), p.totals(), preview, p.unbillable().stream().map(this::unbillable).toList()));
    }

    private UnbillableJson unbillable(BillingRuns.Unbillable u) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Charge charge = u.arg().isEmpty() ? null : Charge.valueOf(u.arg());
        Object[] args = charge == null ? new Object[0]
                : new Object[] {messages.getMessage("billing.charge." + charge, null, locale)};
        return new UnbillableJson(u.stallCode(), u.why().name(), charge, messages.getMessage(u.reasonKey(), args, locale));
    }
}
