package vn.cho40.billing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;

/**
 * The fee report of a month: the markets of the user's area (a province, a commune) with what was billed and how it
 * was collected, each market opening on its stalls, each stall on its bill; XLSX and PDF of the same table.
 */
@Controller
class FeeReportPages {

    private final FeeReports reports;
    private final Markets markets;
    private final Access access;
    private final java.time.Clock clock;

    FeeReportPages(FeeReports reports, Markets markets, Access access, java.time.Clock clock) {
        this.reports = reports;
        this.markets = markets;
        this.access = access;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VnFormats.VIETNAM));
    }

    /** The report as shown and as exported: its title, whether rows are stalls, and the rows. */
    record Report(String title, YearMonth month, Market market, List<FeeReports.Row> rows, FeeReports.Row total) {
    }

    private Report report(String market, String month) {
        CurrentUser user = access.requirePermission(Permission.BILL_READ);
        YearMonth m = month(month);
        List<MarketListing> inScope = markets.inScope(user.scope());
        if (!market.isBlank() || inScope.size() == 1) {
            Market one = markets.forStaff(market.isBlank() ? inScope.getFirst().code() : market, Permission.BILL_READ);
            List<FeeReports.Row> rows = reports.perStall(one.id(), m);
            return new Report(one.name(), m, one, rows, FeeReports.total(rows));
        }
        List<FeeReports.Row> rows = reports.perMarket(inScope.stream().map(l -> markets.get(l.code()).id()).toList(), m);
        return new Report(null, m, null, rows, FeeReports.total(rows));
    }

    @GetMapping("/billing/report")
    String page(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String month,
                Model model) {
        Report r = report(market, month);
        model.addAttribute("report", r);
        model.addAttribute("manyMarkets", markets.inScope(access.require().scope()).size() > 1);
        model.addAttribute("monthValue", r.month().toString());
        if (!month.isBlank() && !r.month().toString().equals(month.strip())) {
            // A month typed by hand in the address that is not one: say which month is shown instead.
            model.addAttribute("monthRefused", month.strip());
        }
        return "billing/report";
    }

    @GetMapping("/billing/report.xlsx")
    void xlsx(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String month,
              HttpServletResponse response) throws IOException {
        requireMonth(month);
        Report r = report(market, month);
        response.setContentType(XlsxTable.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(r) + ".xlsx\"");
        try (XlsxTable table = new XlsxTable("Phí chợ", FeeReportFiles.COLUMNS)) {
            FeeReportFiles.fill(table, r, today());
            table.writeTo(response.getOutputStream());
        }
    }

    @GetMapping("/billing/report.pdf")
    void pdf(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String month,
             HttpServletResponse response) throws IOException {
        requireMonth(month);
        Report r = report(market, month);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(r) + ".pdf\"");
        response.getOutputStream().write(FeeReportFiles.pdf(r, today()));
    }

    /** A file is not made for another month than asked: a month that is not one is refused, saying how to write it. */
    private static void requireMonth(String text) {
        if (!text.isBlank()) {
            try {
                YearMonth.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new vn.cho40.shared.InvalidInputException(
                        vn.cho40.shared.Violation.of("month", "billing.report.monthInvalid", text.strip()));
            }
        }
    }

    /** The area's report and a market's are told apart in a downloads folder: bao-cao-phi-cho-TN-DAITU-2026-11. */
    private static String fileName(Report r) {
        return "bao-cao-phi-cho-" + (r.market() == null ? "" : r.market().code() + "-") + r.month();
    }

    private YearMonth month(String text) {
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        try {
            return text.isBlank() ? last : YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return last;
        }
    }
}
