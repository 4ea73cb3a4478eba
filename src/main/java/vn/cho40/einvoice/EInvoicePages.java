package vn.cho40.einvoice;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.XlsxTable;

/**
 * The board's register of e-documents per series (whoever reads the market's bills reads their documents): the
 * documents with their state, the numbers with any gap named, the requests still waiting and why, the XLSX export;
 * and the seller setting, for those who set the market's rates.
 */
@Controller
class EInvoicePages {

    private final EInvoiceRegister register;
    private final EInvoices documents;
    private final EInvoiceIssuer issuer;
    private final Markets markets;
    private final Access access;
    private final FormErrors formErrors;
    private final String lookupUrl;

    EInvoicePages(EInvoiceRegister register, EInvoices documents, EInvoiceIssuer issuer, Markets markets,
                  Access access, FormErrors formErrors,
                  @org.springframework.beans.factory.annotation.Value("${cho40.public-url:http://localhost:8080}")
                  String publicUrl) {
        this.register = register;
        this.documents = documents;
        this.issuer = issuer;
        this.markets = markets;
        this.access = access;
        this.formErrors = formErrors;
        this.lookupUrl = publicUrl.replaceAll("/+$", "") + "/tra-cuu";
    }

    @GetMapping("/einvoices")
    String page(@RequestParam(defaultValue = "") String market, @RequestParam(defaultValue = "") String series,
                Model model) {
        return show(market, series, model, Map.of(), Map.of());
    }

    private String show(String market, String series, Model model, Map<String, String> errors,
                        Map<String, String> values) {
        CurrentUser user = access.requirePermission(Permission.BILL_READ);
        List<MarketListing> choices = markets.inScope(user.scope());
        String code = !market.isBlank() ? market : choices.size() == 1 ? choices.getFirst().code() : "";
        model.addAttribute("markets", choices);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        if (!code.isBlank()) {
            Market m = markets.forStaff(code, Permission.BILL_READ);
            model.addAttribute("market", m);
            model.addAttribute("setting", register.setting(m.id()).orElse(null));
            model.addAttribute("mayEdit", markets.allows(m, Permission.FEE_RATES_EDIT));
            model.addAttribute("documents", register.documents(m.id(), series, 500));
            model.addAttribute("numbers", register.numbers(m.id()));
            model.addAttribute("waiting", issuer.waiting(m.id()));
            model.addAttribute("series", series);
        }
        return "einvoice/register";
    }

    @PostMapping("/einvoices/settings")
    String save(@RequestParam String market, @RequestParam(defaultValue = "") String sellerName,
                @RequestParam(defaultValue = "") String sellerTaxCode,
                @RequestParam(defaultValue = "") String sellerAddress, @RequestParam(defaultValue = "") String series,
                Model model, jakarta.servlet.http.HttpServletResponse response) {
        Market m = markets.forStaff(market, Permission.FEE_RATES_EDIT);
        try {
            register.save(m.id(), m.provinceCode(), sellerName, sellerTaxCode, sellerAddress, series,
                    access.requirePermission(Permission.FEE_RATES_EDIT).username());
        } catch (InvalidInputException e) {
            response.setStatus(422); // refused input, as the API answers it
            return show(m.code(), "", model, formErrors.of(e), Map.of("sellerName", sellerName, "sellerTaxCode",
                    sellerTaxCode, "sellerAddress", sellerAddress, "series", series));
        }
        return "redirect:/einvoices?market=" + m.code() + "&saved";
    }

    @GetMapping("/einvoices/{id}.xml")
    ResponseEntity<byte[]> xml(@PathVariable UUID id) {
        EInvoices.Issued d = scoped(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(d) + ".xml\"")
                .body(documents.xml(d.id()));
    }

    @GetMapping("/einvoices/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        EInvoices.Issued d = scoped(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName(d) + ".pdf\"")
                .body(LookupPages.pdf(documents.xml(d.id()), lookupUrl, d.state()));
    }

    @GetMapping("/einvoices.xlsx")
    ResponseEntity<byte[]> export(@RequestParam String market) {
        Market m = markets.forStaff(market, Permission.BILL_READ);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTable t = new XlsxTable("Hoa don", List.of(
                new XlsxTable.Column("Ký hiệu", XlsxTable.Kind.TEXT, 10),
                new XlsxTable.Column("Số", XlsxTable.Kind.COUNT, 8),
                new XlsxTable.Column("Ngày", XlsxTable.Kind.DATE, 12),
                new XlsxTable.Column("Người mua", XlsxTable.Kind.TEXT, 30),
                new XlsxTable.Column("Tổng tiền (đồng)", XlsxTable.Kind.COUNT, 16),
                new XlsxTable.Column("Trạng thái", XlsxTable.Kind.TEXT, 12),
                new XlsxTable.Column("Mã tra cứu", XlsxTable.Kind.TEXT, 14)))) {
            t.line("SỔ HÓA ĐƠN ĐIỆN TỬ · " + m.name(), true).blankLine().header();
            for (EInvoices.Issued d : register.documents(m.id(), "", 100_000)) {
                t.row(d.series(), (long) d.number(), d.issuedOn(), d.buyerName(), d.totalVnd(), d.state(), d.lookupCode());
            }
            t.writeTo(out);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XlsxTable.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hoa-don-" + m.code() + ".xlsx\"")
                .body(out.toByteArray());
    }

    /** The document if the user may read its market's bills; not found otherwise. */
    EInvoices.Issued scoped(UUID id) {
        EInvoices.Issued d = documents.byId(id).orElseThrow(() -> new NotFoundException("einvoice.notFound", id));
        Market m = markets.findById(d.marketId()).orElseThrow();
        markets.forStaff(m.code(), Permission.BILL_READ);
        return d;
    }

    static String fileName(EInvoices.Issued d) {
        return "hoa-don-" + d.series() + "-" + d.number();
    }
}
