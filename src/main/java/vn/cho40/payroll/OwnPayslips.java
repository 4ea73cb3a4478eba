package vn.cho40.payroll;

import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.stereotype.Component;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;
import vn.cho40.market.Markets;
import vn.cho40.shared.NotFoundException;

/**
 * A staff member's own payslips on the phone, after the trader's phone login: the payroll lines of every board
 * whose register holds the same phone number (matched by its keyed hash, never decrypted). A staff member who is not
 * also a trader has no phone login yet.
 */
@Controller
class OwnPayslips {

    private final JdbcClient db;
    private final PayrollRuns runs;
    private final PayrollDocuments documents;
    private final Markets markets;
    private final Access access;
    private final TaxWithheld taxes;
    private final TaxPdfs taxPdfs;
    private final java.time.Clock clock;

    OwnPayslips(JdbcClient db, PayrollRuns runs, PayrollDocuments documents, Markets markets, Access access,
                TaxWithheld taxes, TaxPdfs taxPdfs, java.time.Clock clock) {
        this.db = db;
        this.runs = runs;
        this.documents = documents;
        this.markets = markets;
        this.access = access;
        this.taxes = taxes;
        this.taxPdfs = taxPdfs;
        this.clock = clock;
    }

    /** A year's withholding certificate of one board, as the phone page lists it. */
    record Certificate(UUID staffId, String marketName, int year) {
    }

    @GetMapping("/trader/payslips")
    String list(Model model) {
        List<PayrollLine> lines = mine();
        model.addAttribute("lines", lines);
        model.addAttribute("certificates", certificates(lines));
        return "payroll/own";
    }

    /**
     * The person's own withholding certificate for a year at one board. Their CCCD is printed masked: the phone
     * login proves the phone, not the person's right to have their full number on a file that is easily shared.
     */
    @GetMapping("/trader/payslips/certificate/{id}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, @RequestParam(defaultValue = "0") int year) {
        PayrollLine any = mine().stream().filter(l -> l.staffId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("payroll.run.notFound", id));
        int y = year == 0 ? java.time.YearMonth.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM)).getYear() : year;
        List<TaxWithheld.Sum> months = taxes.months(id, y);
        if (months.isEmpty()) {
            throw new NotFoundException("payroll.run.notFound", y);
        }
        PayrollRun run = runs.run(any.runId()).orElseThrow();
        return PayrollPages.download("chung-tu-khau-tru-" + y + ".pdf", MediaType.APPLICATION_PDF_VALUE,
                taxPdfs.certificate(markets.findById(run.marketId()).orElseThrow(), y, any.fullName(),
                        "•••• " + months.getFirst().idLast4(), months,
                        java.time.LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM)),
                        LocaleContextHolder.getLocale()));
    }

    /** One certificate per board and year in which the person was paid, newest year first. */
    private List<Certificate> certificates(List<PayrollLine> lines) {
        List<Certificate> list = new java.util.ArrayList<>();
        lines.stream().map(PayrollLine::staffId).distinct().forEach(staffId -> {
            PayrollLine any = lines.stream().filter(l -> l.staffId().equals(staffId)).findFirst().orElseThrow();
            String market = runs.run(any.runId()).flatMap(r -> markets.findById(r.marketId())).map(m -> m.name())
                    .orElse("");
            taxes.years(staffId).forEach(y -> list.add(new Certificate(staffId, market, y)));
        });
        list.sort(java.util.Comparator.comparing(Certificate::year).reversed());
        return list;
    }

    @GetMapping("/trader/payslips/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        PayrollLine line = mine().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("payroll.run.notFound", id));
        PayrollRun run = runs.run(line.runId()).orElseThrow();
        return PayrollPages.download("phieu-luong-" + run.period() + ".pdf", MediaType.APPLICATION_PDF_VALUE,
                documents.payslip(markets.findById(run.marketId()).orElseThrow(), run, line,
                        LocaleContextHolder.getLocale()));
    }

    /** The lines of the logged-in trader's phone, newest month first (at most three years). */
    private List<PayrollLine> mine() {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        // The trader's phone hash, read from the trader's row: the same keyed hash the staff register stores.
        List<UUID> ids = db.sql("""
                SELECT l.id FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id
                JOIN payroll_staff s ON s.id = l.staff_id
                WHERE s.phone_hash = (SELECT t.phone_hash FROM trader t WHERE t.id = ?)
                ORDER BY r.period DESC, r.approved_at DESC LIMIT 72""")
                .param(me.traderId()).query(UUID.class).list();
        return ids.stream().map(runs::line).flatMap(java.util.Optional::stream).toList();
    }

    /** "My payslips" in the trader's app. */
    @Component
    static class Menu implements MenuContributor {
        @Override
        public List<MenuEntry> menuEntries() {
            return List.of(MenuEntry.trader("/trader/payslips", "payroll.mine", 94));
        }
    }
}
