package vn.cho40.payroll;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.VnFormats;

/**
 * Income tax withheld, for the board: the year's report per person as PDF (the XLSX is PayrollPages') and one
 * person's withholding certificate. The certificate shows the CCCD in full only to a user who may unmask personal
 * data, and that read is audited (StaffRegister.reveal); anyone else gets it masked.
 */
@Controller
class TaxPages {

    private final TaxWithheld taxes;
    private final TaxPdfs pdfs;
    private final StaffRegister staff;
    private final Markets markets;
    private final Access access;
    private final Clock clock;

    TaxPages(TaxWithheld taxes, TaxPdfs pdfs, StaffRegister staff, Markets markets, Access access, Clock clock) {
        this.taxes = taxes;
        this.pdfs = pdfs;
        this.staff = staff;
        this.markets = markets;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/payroll/{code}/tax.pdf")
    ResponseEntity<byte[]> report(@PathVariable String code, @RequestParam(defaultValue = "0") int year) {
        Market m = markets.forStaff(code, Permission.PAYROLL_READ);
        int y = ReportYears.resolve(clock, year);
        return PayrollPages.download("thue-tncn-" + m.code() + "-" + y + ".pdf", MediaType.APPLICATION_PDF_VALUE,
                pdfs.report(m, y, taxes.perPerson(m.id(), y), today(), LocaleContextHolder.getLocale()));
    }

    @GetMapping("/payroll/staff/{id}/tax-certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, @RequestParam(defaultValue = "0") int year) {
        StaffMember s = staff.get(id, Permission.PAYROLL_READ);
        int y = ReportYears.resolve(clock, year);
        List<TaxWithheld.Sum> months = taxes.months(id, y);
        if (months.isEmpty()) {
            throw new NotFoundException("payroll.run.notFound", y);
        }
        String shown = access.require().may(Permission.PERSONAL_DATA_UNMASK) ? staff.reveal(id).idNumber()
                : "•••• " + s.idLast4();
        Market m = markets.findById(s.marketId()).orElseThrow();
        return PayrollPages.download("chung-tu-khau-tru-" + y + "-" + s.idLast4() + ".pdf",
                MediaType.APPLICATION_PDF_VALUE, pdfs.certificate(m, y, s.fullName(), shown, months, today(),
                        LocaleContextHolder.getLocale()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VnFormats.VIETNAM));
    }
}
