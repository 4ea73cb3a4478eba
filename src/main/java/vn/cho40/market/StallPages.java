package vn.cho40.market;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
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
import vn.cho40.identity.Permission;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.ListPage;

/** Staff pages for a market's stalls: list (a page at a time, searched and filtered), add one, import many. */
@Controller
class StallPages {

    private static final String UPLOAD = "stallImport:";

    private final Markets markets;
    private final Stalls stalls;
    private final StallLists lists;
    private final FormErrors formErrors;

    StallPages(Markets markets, Stalls stalls, StallLists lists, FormErrors formErrors) {
        this.markets = markets;
        this.stalls = stalls;
        this.lists = lists;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/markets/{code}/stalls")
    String list(@PathVariable String code, @RequestParam Map<String, String> params, Model model) {
        return page(model, markets.forStaff(code, null), StallFilter.from(params), ListPage.requested(params.get("page")),
                Map.of(), Map.of());
    }

    @PostMapping("/admin/markets/{code}/stalls")
    String add(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
               RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.STALL_EDIT);
        try {
            Stall stall = stalls.add(market.code(), form.get("code"), form.get("zoneName"), form.get("category"),
                    form.get("areaM2"));
            redirect.addFlashAttribute("notice", "stall.added");
            redirect.addFlashAttribute("noticeArg", stall.code());
            return "redirect:/admin/markets/" + market.code() + "/stalls";
        } catch (InvalidInputException e) {
            return page(model, market, StallFilter.NONE, 1, formErrors.of(e), form);
        }
    }

    @GetMapping("/admin/markets/{code}/stalls/import")
    String importForm(@PathVariable String code, Model model) {
        model.addAttribute("market", markets.forStaff(code, Permission.STALL_EDIT));
        return "market/import";
    }

    @PostMapping("/admin/markets/{code}/stalls/import")
    String preview(@PathVariable String code, @RequestParam("file") MultipartFile file, HttpSession session,
                   Model model) throws IOException {
        Market market = markets.forStaff(code, Permission.STALL_EDIT);
        model.addAttribute("market", market);
        try {
            StallImportPreview preview = stalls.preview(market.code(), file.getOriginalFilename(), file.getBytes());
            model.addAttribute("preview", preview);
            if (preview.valid()) {
                // The checked file waits in the session until the person confirms; only its token goes to the page.
                String token = UUID.randomUUID().toString();
                session.setAttribute(UPLOAD + token, new Upload(market.code(), file.getOriginalFilename(),
                        file.getBytes()));
                model.addAttribute("token", token);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("fileErrors", formErrors.of(e).values());
        }
        return "market/import";
    }

    @PostMapping("/admin/markets/{code}/stalls/import/confirm")
    String confirm(@PathVariable String code, @RequestParam String token, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.STALL_EDIT);
        Object held = session.getAttribute(UPLOAD + token);
        if (!(held instanceof Upload upload) || !upload.marketCode().equals(market.code())) {
            model.addAttribute("market", market);
            model.addAttribute("fileErrors", java.util.List.of(formErrors.text("import.expired")));
            return "market/import";
        }
        session.removeAttribute(UPLOAD + token);
        try {
            int saved = stalls.importAll(market.code(), upload.filename(), upload.content());
            redirect.addFlashAttribute("notice", "import.done");
            redirect.addFlashAttribute("noticeArg", saved);
            return "redirect:/admin/markets/" + market.code() + "/stalls";
        } catch (StallImportRejected e) {
            model.addAttribute("market", market);
            model.addAttribute("preview", e.preview());
            return "market/import";
        }
    }

    @GetMapping("/admin/stall-template.csv")
    ResponseEntity<byte[]> template() {
        String csv = "ma_quay,khu,nganh_hang,dien_tich_m2\nA-1,Khu A,Thịt,6\nA-2,Khu A,Cá,\"7,5\"\nB-1,Khu B,Rau củ,4\n";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("mau-quay.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    private String page(Model model, Market market, StallFilter filter, int pageNumber, Map<String, String> errors,
                        Map<String, String> form) {
        String path = "/admin/markets/" + market.code() + "/stalls";
        ListPage<ListedStall> page = lists.page(market, filter, pageNumber);
        model.addAttribute("market", market);
        model.addAttribute("list", page);
        model.addAttribute("pageLinks", page.links(path, filter.params()));
        model.addAttribute("previousHref", page.previousHref(path, filter.params()));
        model.addAttribute("nextHref", page.nextHref(path, filter.params()));
        model.addAttribute("exportHref", ListPage.href(path + ".xlsx", filter.params(), 0));
        model.addAttribute("filtered", filter.any());
        model.addAttribute("params", filter.params());
        model.addAttribute("zones", stalls.zones(market));
        model.addAttribute("categories", GoodsCategory.values());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "market/stalls";
    }

    /** An uploaded file kept between preview and confirmation. */
    record Upload(String marketCode, String filename, byte[] content) implements java.io.Serializable {
    }
}
