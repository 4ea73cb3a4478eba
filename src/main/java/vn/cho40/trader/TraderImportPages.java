package vn.cho40.trader;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/** Import traders with their stall and account: upload, see every problem or the rows, then confirm. */
@Controller
class TraderImportPages {

    private static final String UPLOAD = "traderImport:";
    private final TraderImport imports;
    private final Markets markets;
    private final FormErrors formErrors;

    TraderImportPages(TraderImport imports, Markets markets, FormErrors formErrors) {
        this.imports = imports;
        this.markets = markets;
        this.formErrors = formErrors;
    }

    record Upload(String marketCode, List<TraderImport.Row> rows) implements java.io.Serializable {
    }

    @GetMapping("/admin/markets/{code}/traders/import")
    String form(@PathVariable String code, Model model) {
        model.addAttribute("market", markets.forStaff(code, Permission.TRADER_EDIT));
        return "trader/import";
    }

    @PostMapping("/admin/markets/{code}/traders/import")
    String preview(@PathVariable String code, @RequestParam("file") MultipartFile file, HttpSession session,
                   Model model) throws IOException {
        Market market = markets.forStaff(code, Permission.TRADER_EDIT);
        model.addAttribute("market", market);
        try {
            List<TraderImport.Row> rows = TraderImport.read(file.getOriginalFilename(), file.getBytes());
            TraderImport.Preview preview = imports.preview(market, rows);
            model.addAttribute("preview", preview);
            if (preview.valid()) {
                String token = UUID.randomUUID().toString();
                session.setAttribute(UPLOAD + token, new Upload(market.code(), rows));
                model.addAttribute("token", token);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("fileErrors", formErrors.of(e).values());
        }
        return "trader/import";
    }

    @PostMapping("/admin/markets/{code}/traders/import/confirm")
    String confirm(@PathVariable String code, @RequestParam String token, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.TRADER_EDIT);
        Object held = session.getAttribute(UPLOAD + token);
        model.addAttribute("market", market);
        if (!(held instanceof Upload upload) || !upload.marketCode().equals(market.code())) {
            model.addAttribute("fileErrors", List.of(formErrors.text("import.expired")));
            return "trader/import";
        }
        session.removeAttribute(UPLOAD + token);
        try {
            int saved = imports.importAll(market, upload.rows());
            redirect.addFlashAttribute("notice", "import.traders.done");
            redirect.addFlashAttribute("noticeArg", saved);
            return "redirect:/admin/traders";
        } catch (TraderImportRejected e) {
            model.addAttribute("preview", e.preview());
            return "trader/import";
        }
    }
}
