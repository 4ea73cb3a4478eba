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
    private final EInvoiceCorrections corrections;
    private final List<EInvoiceDrafts> drafts;
    private final EInvoiceSender sender;

    EInvoicePages(EInvoiceRegister register, EInvoices documents, EInvoiceIssuer issuer, Markets markets,
                  Access access, FormErrors formErrors, EInvoiceCorrections corrections, List<EInvoiceDrafts> drafts,
                  EInvoiceSender sender,
                  @org.springframework.beans.factory.annotation.Value(vn.cho40.shared.PublicUrl.SETTING)
                  String publicUrl) {
        this.corrections = corrections;
        this.sender = sender;
        this.drafts = List.copyOf(drafts);
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
            model.addAttribute("charges", chargeTypes());
            model.addAttribute("kinds", register.kinds(m.id()));
            model.addAttribute("modes", ProviderSetting.MODES);
            model.addAttribute("series", series);
        }
        return "einvoice/register";
    }

    @PostMapping("/einvoices/settings")
    String save(@RequestParam Map<String, String> form, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Market m = markets.forStaff(form.getOrDefault("market", ""), Permission.FEE_RATES_EDIT);
        try {
            register.save(m.id(), m.provinceCode(), new EInvoiceRegister.SettingForm(form.get("sellerName"),
                            form.get("sellerTaxCode"), form.get("sellerAddress"), form.get("series"),
                            form.get("receiptForm"), form.get("receiptSeries"), form.get("mode"),
                            form.get("providerBaseUrl"), form.get("providerUsername"), form.get("providerSecretRef"),
                            form.get("providerAppId"), form.get("providerTemplate")),
                    access.requirePermission(Permission.FEE_RATES_EDIT).username());
        } catch (InvalidInputException e) {
            response.setStatus(422); // refused input, as the API answers it
            return show(m.code(), "", model, formErrors.of(e), form);
        }
        return "redirect:/einvoices?market=" + m.code() + "&saved";
    }

    /** The board's choice of invoice or receipt per charge type. */
    @PostMapping("/einvoices/kinds")
    String kinds(@RequestParam Map<String, String> form, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Market m = markets.forStaff(form.getOrDefault("market", ""), Permission.FEE_RATES_EDIT);
        try {
            register.saveKinds(m.id(), m.provinceCode(), chargeTypes(), form,
                    access.requirePermission(Permission.FEE_RATES_EDIT).username());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return show(m.code(), "", model, formErrors.of(e), Map.of());
        }
        return "redirect:/einvoices?market=" + m.code() + "&saved";
    }

    /** One document: its facts, what it corrects and what corrected it, and the board's corrections with a reason. */
    @GetMapping("/einvoices/{id}")
    String document(@PathVariable UUID id, Model model) {
        EInvoices.Issued d = scoped(id);
        Market m = markets.findById(d.marketId()).orElseThrow();
        model.addAttribute("market", m);
        model.addAttribute("doc", d);
        model.addAttribute("corrected", d.corrects() == null ? null : documents.byId(d.corrects()).orElse(null));
        model.addAttribute("corrections", documents.correctionsOf(d.id()));
        model.addAttribute("mayCorrect", markets.allows(m, Permission.BILL_ISSUE)
                && !d.state().equals("CANCELLED") && !d.state().equals("REPLACED"));
        model.addAttribute("pending", issuer.pendingCorrections(d.id()));
        model.addAttribute("mayResend", markets.allows(m, Permission.BILL_ISSUE));
        return "einvoice/document";
    }

    @PostMapping("/einvoices/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        return correct(id, redirect, (m, by) -> corrections.cancel(m.id(), m.provinceCode(), id, reason, by));
    }

    @PostMapping("/einvoices/{id}/replace")
    String replace(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                   org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        return correct(id, redirect, (m, by) -> corrections.replace(m.id(), m.provinceCode(), id, reason, by));
    }

    @PostMapping("/einvoices/{id}/adjust")
    String adjust(@PathVariable UUID id, @RequestParam(defaultValue = "") String direction,
                  @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String reason,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        return correct(id, redirect, (m, by) -> corrections.adjust(m.id(), m.provinceCode(), id, direction, amount,
                reason, by));
    }

    /** A document whose send failed is sent again now (the fix, a password or a template, made meanwhile). */
    @PostMapping("/einvoices/{id}/resend")
    String resend(@PathVariable UUID id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        // Only brought forward: the scheduled sender sends it within seconds, off the page's request.
        return correct(id, redirect, (m, by) -> sender.retryNow(m.id(), id));
    }

    private String correct(UUID id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
                           java.util.function.BiConsumer<Market, String> action) {
        EInvoices.Issued d = scoped(id);
        Market m = markets.forStaff(markets.findById(d.marketId()).orElseThrow().code(), Permission.BILL_ISSUE);
        try {
            action.accept(m, access.require().username());
            redirect.addFlashAttribute("correctedFlash", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("refused", String.join(" ", formErrors.of(e).values()));
        }
        return "redirect:/einvoices/" + id;
    }

    private List<String> chargeTypes() {
        return drafts.stream().flatMap(d -> d.chargeTypes().stream()).distinct().toList();
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
                .body(LookupPages.pdf(documents.xml(d.id()), lookupUrl, d));
    }

    @GetMapping("/einvoices.xlsx")
    ResponseEntity<byte[]> export(@RequestParam String market) {
        Market m = markets.forStaff(market, Permission.BILL_READ);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTable t = new XlsxTable("Hoa don", List.of(
                new XlsxTable.Column("Loại", XlsxTable.Kind.TEXT, 10),
                new XlsxTable.Column("Ký hiệu", XlsxTable.Kind.TEXT, 18),
                new XlsxTable.Column("Số", XlsxTable.Kind.TEXT, 10),
                new XlsxTable.Column("Ngày", XlsxTable.Kind.DATE, 12),
                new XlsxTable.Column("Người mua", XlsxTable.Kind.TEXT, 30),
                new XlsxTable.Column("Tổng tiền (đồng)", XlsxTable.Kind.COUNT, 16),
                new XlsxTable.Column("Trạng thái", XlsxTable.Kind.TEXT, 28),
                new XlsxTable.Column("Mã tra cứu", XlsxTable.Kind.TEXT, 14)))) {
            t.line("SỔ HÓA ĐƠN ĐIỆN TỬ · " + m.name(), true).blankLine().header();
            for (EInvoices.Issued d : register.documents(m.id(), "", 100_000)) {
                t.row(d.kind() == EInvoices.Kind.RECEIPT ? "Biên lai" : "Hóa đơn", d.series(),
                        String.valueOf(d.number()), d.issuedOn(), d.buyerName(), d.totalVnd(),
                        formErrors.text("einvoice.state." + d.state()), d.lookupCode());
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
        Market m = markets.forStaffOf(d.marketId(), Permission.BILL_READ,
                () -> new NotFoundException("einvoice.notFound", id));
        return d;
    }

    static String fileName(EInvoices.Issued d) {
        return (d.kind() == EInvoices.Kind.RECEIPT ? "bien-lai-" : "hoa-don-") + d.series().replace(' ', '-') + "-"
                + d.number();
    }
}
