package vn.cho40.payroll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.bank.BankDirectory;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.VnFormats;

/** The board's payroll pages: staff register, a month's preview and approval, a run with its files and outcomes. */
@Controller
class PayrollPages {

    private final StaffRegister staff;
    private final PayrollRuns runs;
    private final TransferResults results;
    private final PayrollDocuments documents;
    private final PayrollSheetPdf sheetPdf;
    private final PayrollReports reports;
    private final TaxWithheld taxes;
    private final BankLayouts layouts;
    private final Markets markets;
    private final Access access;
    private final FormErrors errors;
    private final Clock clock;

    PayrollPages(StaffRegister staff, PayrollRuns runs, TransferResults results, PayrollDocuments documents,
                 PayrollSheetPdf sheetPdf, PayrollReports reports, TaxWithheld taxes, BankLayouts layouts,
                 Markets markets, Access access, FormErrors errors, Clock clock) {
        this.staff = staff;
        this.runs = runs;
        this.results = results;
        this.documents = documents;
        this.sheetPdf = sheetPdf;
        this.reports = reports;
        this.taxes = taxes;
        this.layouts = layouts;
        this.markets = markets;
        this.access = access;
        this.errors = errors;
        this.clock = clock;
    }

    @GetMapping("/payroll")
    String overview(@RequestParam(defaultValue = "") String market, Model model) {
        CurrentUser user = access.requirePermission(Permission.PAYROLL_READ);
        List<MarketListing> choices = markets.inScope(user.scope());
        String code = !market.isBlank() ? market : choices.size() == 1 ? choices.getFirst().code() : "";
        model.addAttribute("markets", choices);
        if (!code.isBlank()) {
            Market m = markets.forStaff(code, Permission.PAYROLL_READ);
            model.addAttribute("market", m);
            model.addAttribute("staffList", staff.list(m));
            List<PayrollRun> made = runs.runs(m);
            YearMonth thisMonth = YearMonth.now(clock.withZone(VnFormats.VIETNAM));
            model.addAttribute("runs", made);
            model.addAttribute("region", staff.region(m.id()));
            model.addAttribute("regions", Region.values());
            model.addAttribute("thisMonth", thisMonth);
            // Once the month's payroll is approved, "prepare this month" would only lead back to it.
            model.addAttribute("thisMonthApproved", made.stream()
                    .anyMatch(r -> r.kind().equals("REGULAR") && r.period().equals(thisMonth)));
            model.addAttribute("mayEdit", user.may(Permission.PAYROLL_EDIT));
            model.addAttribute("banks", BankDirectory.shipped().shortNames());
        }
        return "payroll/overview";
    }

    @PostMapping("/payroll/{code}/region")
    String region(@PathVariable("code") String market, @RequestParam(defaultValue = "") String region, RedirectAttributes r) {
        staff.setRegion(market, region);
        r.addFlashAttribute("notice", "payroll.saved");
        return "redirect:/payroll?market=" + market;
    }

    @GetMapping("/payroll/{code}/staff/new")
    String newStaff(@PathVariable("code") String market, Model model) {
        Market m = markets.forStaff(market, Permission.PAYROLL_EDIT);
        return form(m, null, emptyForm(), Map.of(), null, model);
    }

    @PostMapping("/payroll/{code}/staff")
    String create(@PathVariable("code") String market, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes r) {
        Market m = markets.forStaff(market, Permission.PAYROLL_EDIT);
        StaffForm form = formOf(params);
        try {
            staff.create(market, form);
            r.addFlashAttribute("notice", "payroll.saved");
            return "redirect:/payroll?market=" + m.code();
        } catch (InvalidInputException e) {
            return form(m, null, form, errors.of(e), null, model);
        }
    }

    @GetMapping("/payroll/staff/{id}")
    String edit(@PathVariable UUID id, Model model) {
        StaffMember s = staff.get(id, Permission.PAYROLL_READ);
        return form(markets.findById(s.marketId()).orElseThrow(), s, formOf(s), Map.of(), null, model);
    }

    @PostMapping("/payroll/staff/{id}")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, RedirectAttributes r) {
        StaffMember s = staff.get(id, Permission.PAYROLL_EDIT);
        Market m = markets.findById(s.marketId()).orElseThrow();
        StaffForm form = formOf(params);
        try {
            staff.update(id, form);
            r.addFlashAttribute("notice", "payroll.saved");
            return "redirect:/payroll?market=" + m.code();
        } catch (InvalidInputException e) {
            return form(m, s, form, errors.of(e), null, model);
        }
    }

    /** Numbers in full, on a POST so that a prefetch or a shared link never reveals them; audited. */
    @PostMapping("/payroll/staff/{id}/reveal")
    String reveal(@PathVariable UUID id, Model model) {
        StaffRegister.Revealed revealed = staff.reveal(id);
        StaffMember s = staff.get(id, Permission.PAYROLL_READ);
        return form(markets.findById(s.marketId()).orElseThrow(), s, formOf(s), Map.of(), revealed, model);
    }

    @GetMapping("/payroll/{code}/month")
    String preview(@PathVariable("code") String market, @RequestParam(defaultValue = "") String period, Model model) {
        PayrollRuns.Preview p = runs.preview(market, month(period));
        if (p.approved() != null) {
            return "redirect:/payroll/runs/" + p.approved().id();
        }
        model.addAttribute("preview", p);
        model.addAttribute("mayApprove", access.require().may(Permission.PAYROLL_APPROVE));
        return "payroll/preview";
    }

    @PostMapping("/payroll/{code}/approve")
    String approve(@PathVariable("code") String market, @RequestParam(defaultValue = "") String period, Model model, RedirectAttributes r) {
        YearMonth month = month(period);
        try {
            PayrollRun run = runs.approve(market, month, Map.of());
            r.addFlashAttribute("notice", "payroll.run.approved");
            return "redirect:/payroll/runs/" + run.id();
        } catch (InvalidInputException e) {
            model.addAttribute("preview", runs.preview(market, month));
            model.addAttribute("mayApprove", access.require().may(Permission.PAYROLL_APPROVE));
            model.addAttribute("errors", errors.of(e));
            return "payroll/preview";
        }
    }

    /** A correction of an approved month: one person's addition or deduction, as an adjusting run. */
    @PostMapping("/payroll/{code}/adjust")
    String adjust(@PathVariable String code, @RequestParam(defaultValue = "") String period,
                  @RequestParam(defaultValue = "") String staffId, @RequestParam(defaultValue = "0") String addition,
                  @RequestParam(defaultValue = "0") String deduction, Model model, RedirectAttributes r) {
        Market m = markets.forStaff(code, Permission.PAYROLL_APPROVE);
        YearMonth month = month(period);
        PayrollRun regular = runs.regular(m.id(), month)
                .orElseThrow(() -> new NotFoundException("payroll.run.notFound", period));
        try {
            java.util.List<vn.cho40.shared.Violation> problems = new java.util.ArrayList<>();
            long add = vn.cho40.shared.Money.parse(addition.isBlank() ? "0" : addition).map(vn.cho40.shared.Money::vnd)
                    .filter(v -> v <= 1_000_000_000L).orElse(-1L);
            long ded = vn.cho40.shared.Money.parse(deduction.isBlank() ? "0" : deduction).map(vn.cho40.shared.Money::vnd)
                    .filter(v -> v <= 1_000_000_000L).orElse(-1L);
            UUID staff;
            try {
                staff = UUID.fromString(staffId);
            } catch (IllegalArgumentException e) {
                staff = null;
                problems.add(vn.cho40.shared.Violation.of("staffId", "payroll.staff.notFound", staffId));
            }
            if (add < 0 || ded < 0 || add + ded == 0) {
                problems.add(vn.cho40.shared.Violation.of("oneOffs", "payroll.api.oneOff.invalid"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            PayrollRun run = runs.adjust(code, month, Map.of(staff, new PayrollRuns.OneOff(add, ded)));
            r.addFlashAttribute("notice", "payroll.run.approved");
            return "redirect:/payroll/runs/" + run.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors.of(e));
            return run(regular.id(), model);
        }
    }

    @GetMapping("/payroll/runs/{id}")
    String run(@PathVariable UUID id, Model model) {
        PayrollRun run = runs.run(id, Permission.PAYROLL_READ);
        model.addAttribute("run", run);
        model.addAttribute("market", markets.findById(run.marketId()).orElseThrow());
        model.addAttribute("lines", runs.lines(id));
        List<BankFile.Template> templates = new java.util.ArrayList<>();
        layouts.of(run.marketId(), errors.text("payroll.layout.label")).ifPresent(templates::add);
        templates.addAll(BankFile.templates());
        model.addAttribute("templates", templates);
        model.addAttribute("banks", BankDirectory.shipped().shortNames());
        model.addAttribute("mayEdit", access.require().may(Permission.PAYROLL_EDIT));
        model.addAttribute("mayApprove", access.require().may(Permission.PAYROLL_APPROVE));
        return "payroll/run";
    }

    @PostMapping("/payroll/runs/{id}/bank-file")
    ResponseEntity<byte[]> bankFile(@PathVariable UUID id, @RequestParam(defaultValue = "") String template) {
        BankFile.Written w = runs.bankFile(id, template);
        return download(w.filename(), w.contentType(), w.content());
    }

    @PostMapping("/payroll/lines/{id}/paid")
    String paid(@PathVariable UUID id, RedirectAttributes r) {
        PayrollLine line = runs.markPaid(id);
        r.addFlashAttribute("notice", "payroll.saved");
        return "redirect:/payroll/runs/" + line.runId();
    }

    @PostMapping("/payroll/lines/{id}/failed")
    String failed(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
                  RedirectAttributes r) {
        PayrollLine line = runs.lineInScope(id, Permission.PAYROLL_EDIT);
        try {
            runs.markFailed(id, reason);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors.of(e));
            return run(line.runId(), model);
        }
        r.addFlashAttribute("notice", "payroll.saved");
        return "redirect:/payroll/runs/" + line.runId();
    }

    @PostMapping("/payroll/runs/{id}/results")
    String importResults(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                         Model model, RedirectAttributes r) throws IOException {
        runs.run(id, Permission.PAYROLL_EDIT);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(vn.cho40.shared.Violation.of("file", "payroll.results.none"));
            }
            TransferResults.Outcome o = results.importFile(id, file.getOriginalFilename(), file.getBytes());
            r.addFlashAttribute("notice", "payroll.results.imported");
            r.addFlashAttribute("noticeArg", o.paid());
            r.addFlashAttribute("noticeArg2", o.failed());
            return "redirect:/payroll/runs/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors.of(e));
            return run(id, model);
        }
    }

    /** Income tax withheld per person in a year (for the annual finalisation). */
    @GetMapping("/payroll/{code}/tax.xlsx")
    ResponseEntity<byte[]> taxReport(@PathVariable String code, @RequestParam(defaultValue = "0") int year) {
        Market m = markets.forStaff(code, Permission.PAYROLL_READ);
        int y = ReportYears.resolve(clock, year);
        return download("thue-tncn-" + m.code() + "-" + y + ".xlsx", vn.cho40.shared.XlsxTable.CONTENT_TYPE,
                reports.taxWithheld(m, y, LocaleContextHolder.getLocale()));
    }

    /** Insurance contributions per month of a year, employee and employer shares. */
    @GetMapping("/payroll/{code}/insurance.xlsx")
    ResponseEntity<byte[]> insuranceReport(@PathVariable String code, @RequestParam(defaultValue = "0") int year) {
        Market m = markets.forStaff(code, Permission.PAYROLL_READ);
        int y = ReportYears.resolve(clock, year);
        return download("bao-hiem-" + m.code() + "-" + y + ".xlsx", vn.cho40.shared.XlsxTable.CONTENT_TYPE,
                reports.insurance(m, y, LocaleContextHolder.getLocale()));
    }


    /** The board uploads its bank's sample file once; its columns become the board's own layout. */
    @PostMapping("/payroll/{code}/bank-layout")
    String learnLayout(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file,
                       @RequestParam(defaultValue = "") String run, RedirectAttributes r) throws IOException {
        markets.forStaff(code, Permission.PAYROLL_EDIT);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(vn.cho40.shared.Violation.of("file", "payroll.layout.unreadable"));
            }
            BankFile.Template t = layouts.learn(code, file.getOriginalFilename(), file.getBytes());
            r.addFlashAttribute("notice", "payroll.layout.learnt");
            r.addFlashAttribute("noticeArg", String.join(", ", t.columns().values()));
        } catch (InvalidInputException e) {
            r.addFlashAttribute("notice", "payroll.layout.unreadable");
        }
        return run.matches("[0-9a-f-]{36}") ? "redirect:/payroll/runs/" + run : "redirect:/payroll?market=" + code;
    }

    @PostMapping("/payroll/runs/{id}/statement")
    String importStatement(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                           Model model, RedirectAttributes r) throws IOException {
        runs.run(id, Permission.PAYROLL_EDIT);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(vn.cho40.shared.Violation.of("file", "payroll.statement.none"));
            }
            TransferResults.Outcome o = results.importStatement(id, file.getOriginalFilename(), file.getBytes());
            r.addFlashAttribute("notice", "payroll.results.imported");
            r.addFlashAttribute("noticeArg", o.paid());
            r.addFlashAttribute("noticeArg2", 0);
            return "redirect:/payroll/runs/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors.of(e));
            return run(id, model);
        }
    }

    @GetMapping("/payroll/runs/{id}/sheet.xlsx")
    ResponseEntity<byte[]> sheet(@PathVariable UUID id) {
        PayrollRun run = runs.run(id, Permission.PAYROLL_READ);
        Market m = markets.findById(run.marketId()).orElseThrow();
        return download("bang-luong-" + m.code() + "-" + run.period() + ".xlsx", vn.cho40.shared.XlsxTable.CONTENT_TYPE,
                documents.sheet(m, run, runs.lines(id), LocaleContextHolder.getLocale()));
    }

    /** The payroll sheet to print and sign: landscape, totals, the preparer's, chief accountant's and head's blocks. */
    @GetMapping("/payroll/runs/{id}/sheet.pdf")
    ResponseEntity<byte[]> sheetPdf(@PathVariable UUID id) {
        PayrollRun run = runs.run(id, Permission.PAYROLL_READ);
        Market m = markets.findById(run.marketId()).orElseThrow();
        return download("bang-luong-" + m.code() + "-" + run.period() + ".pdf", MediaType.APPLICATION_PDF_VALUE,
                sheetPdf.sheet(m, run, runs.lines(id), LocaleContextHolder.getLocale()));
    }

    @GetMapping("/payroll/lines/{id}/payslip.pdf")
    ResponseEntity<byte[]> payslip(@PathVariable UUID id) {
        PayrollLine l = runs.lineInScope(id, Permission.PAYROLL_READ);
        PayrollRun run = runs.run(l.runId(), Permission.PAYROLL_READ);
        Market m = markets.findById(run.marketId()).orElseThrow();
        return download("phieu-luong-" + run.period() + "-" + l.transferRef() + ".pdf", MediaType.APPLICATION_PDF_VALUE,
                documents.payslip(m, run, l, LocaleContextHolder.getLocale()));
    }

    static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new NotFoundException("payroll.run.notFound", "");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("payroll.run.notFound", text);
        }
    }

    static ResponseEntity<byte[]> download(String filename, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(contentType)).body(content);
    }

    private String form(Market m, StaffMember existing, StaffForm form, Map<String, String> errs,
                        StaffRegister.Revealed revealed, Model model) {
        model.addAttribute("market", m);
        model.addAttribute("existing", existing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errs);
        model.addAttribute("revealed", revealed);
        model.addAttribute("taxYears", existing == null ? List.of() : taxes.years(existing.id()));
        model.addAttribute("banks", BankDirectory.shipped().all());
        model.addAttribute("allowanceKinds", AllowanceKinds.all().keySet().stream().sorted().toList());
        model.addAttribute("mayReveal", access.require().may(Permission.PERSONAL_DATA_UNMASK));
        model.addAttribute("mayEdit", access.require().may(Permission.PAYROLL_EDIT));
        return "payroll/staff";
    }

    private static StaffForm emptyForm() {
        return new StaffForm("", "", "", "", "", "", "", "", "FIXED", "", "", "0", "", "", Map.of());
    }

    static StaffForm formOf(Map<String, String> p) {
        Map<String, String> allowances = new HashMap<>();
        for (String kind : AllowanceKinds.all().keySet()) {
            String v = p.get("allowance" + kind);
            if (v != null && !v.isBlank()) {
                allowances.put(kind, v);
            }
        }
        return new StaffForm(p.get("fullName"), p.get("idNumber"), p.get("phone"), p.get("bank"), p.get("accountNumber"),
                p.get("holderName"), p.get("holderReason"), p.get("position"), p.get("contractKind"),
                p.get("coefficient"), p.get("salary"), p.get("dependants"), p.get("startOn"), p.get("endOn"),
                allowances);
    }

    /** An existing member as the form shows it: personal numbers stay blank (masked beside), to be retyped. */
    private static StaffForm formOf(StaffMember s) {
        Map<String, String> allowances = new HashMap<>();
        s.allowances().forEach(a -> allowances.put(a.kind(), String.valueOf(a.amountVnd())));
        return new StaffForm(s.fullName(), "", "", s.bankBin() == null ? "" : s.bankBin(), "",
                s.holderName() == null ? "" : s.holderName(), s.holderMismatchReason(), s.position(),
                s.contractKind().name(), s.coefficientText(), s.salaryVnd() == null ? "" : String.valueOf(s.salaryVnd()),
                String.valueOf(s.dependants()), VnFormats.date(s.startOn()),
                s.endOn() == null ? "" : VnFormats.date(s.endOn()), allowances);
    }
}
