package vn.cho40.einvoice;

import java.security.cert.X509Certificate;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.shared.NotFoundException;

/**
 * The public lookup (no login): {@code /tra-cuu} ({@code /lookup} in English) takes a document's lookup code, from
 * the printed copy or its QR, and shows the document, whether its signature verifies, and its XML and PDF. Nothing
 * else of the buyer: the code names one document only.
 */
@Controller
class LookupPages {

    private final EInvoices documents;
    private final String lookupUrl;

    LookupPages(EInvoices documents, @Value(vn.cho40.shared.PublicUrl.SETTING) String publicUrl) {
        this.documents = documents;
        this.lookupUrl = publicUrl.replaceAll("/+$", "") + "/tra-cuu";
    }

    @GetMapping({"/tra-cuu", "/lookup"})
    String lookup(@RequestParam(name = "ma", required = false) String ma,
                  @RequestParam(name = "code", required = false) String code, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        String asked = normalize(ma != null ? ma : code);
        model.addAttribute("asked", asked == null ? "" : asked);
        if (asked != null && !asked.isEmpty()) {
            var found = documents.byLookupCode(asked);
            if (found.isEmpty()) {
                response.setStatus(404);
                model.addAttribute("notFound", true);
            } else {
                EInvoices.Issued d = found.get();
                DocumentCheck.Result check = DocumentCheck.check(documents.xml(d.id()));
                model.addAttribute("doc", d);
                // What the file itself says it corrects (TTHDLQuan), named here for the reader.
                model.addAttribute("corrected", d.corrects() == null ? null : documents.byId(d.corrects()).orElse(null));
                model.addAttribute("verified", check.ok());
                model.addAttribute("signer", signer(check.signer()));
            }
        }
        return "einvoice/lookup";
    }

    @GetMapping("/tra-cuu/{code}.xml")
    ResponseEntity<byte[]> xml(@PathVariable String code) {
        EInvoices.Issued d = byCode(code);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + EInvoicePages.fileName(d) + ".xml\"")
                .body(documents.xml(d.id()));
    }

    @GetMapping("/tra-cuu/{code}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        EInvoices.Issued d = byCode(code);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + EInvoicePages.fileName(d) + ".pdf\"")
                .body(pdf(documents.xml(d.id()), lookupUrl, d));
    }

    static byte[] pdf(byte[] xml, String lookupUrl, EInvoices.Issued d) {
        String state = d.state();
        DocumentCheck.Result check = DocumentCheck.check(xml);
        boolean sent = d.sent();
        String note = switch (state) {
            case "CANCELLED" -> "ĐÃ HỦY (cancelled)";
            case "REPLACED" -> "ĐÃ BỊ THAY THẾ (replaced)";
            case "ADJUSTED" -> "ĐÃ ĐƯỢC ĐIỀU CHỈNH (adjusted)";
            default -> null;
        };
        return EInvoicePdf.render(xml, lookupUrl, signer(check.signer()) + (check.ok() ? "" : " (chữ ký không hợp lệ)"),
                sent, note, d.authorityCode());
    }

    private EInvoices.Issued byCode(String code) {
        String c = normalize(code);
        return documents.byLookupCode(c == null ? "" : c)
                .orElseThrow(() -> new NotFoundException("einvoice.lookup.notFound", code));
    }

    /** Codes are read aloud and typed on phones: spaces, lower case and missing dashes are forgiven. */
    static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String c = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (c.length() != 10) {
            return c;
        }
        return c.substring(0, 4) + "-" + c.substring(4, 8) + "-" + c.substring(8);
    }

    private static String signer(X509Certificate cert) {
        if (cert == null) {
            return "";
        }
        String dn = cert.getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return dn;
    }
}
