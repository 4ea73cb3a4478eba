package vn.cho40.metering;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/**
 * The cashier's round on a phone: find a stall (by code, or the next one in walking order), one screen per stall and
 * meter with the last reading and a big number pad; and the import of a file of readings with a preview.
 */
@Controller
class ReadingPages {

    private static final String UPLOAD = "meterReadingImport:";

    private final Markets markets;
    private final Meters meters;
    private final MeterReadings readings;
    private final Access access;
    private final FormErrors formErrors;

    ReadingPages(Markets markets, Meters meters, MeterReadings readings, Access access, FormErrors formErrors) {
        this.markets = markets;
        this.meters = meters;
        this.readings = readings;
        this.access = access;
        this.formErrors = formErrors;
    }

    @GetMapping("/readings")
    String choose(Model model) {
        CurrentUser user = access.requirePermission(Permission.METER_READ);
        List<MarketListing> choices = markets.inScope(user.scope());
        if (choices.size() == 1) {
            return stalls(model, markets.forStaff(choices.getFirst().code(), Permission.METER_READ), Map.of(), "");
        }
        model.addAttribute("markets", choices);
        model.addAttribute("target", "readings");
        return "metering/choose";
    }

    @GetMapping("/admin/markets/{code}/readings")
    String round(@PathVariable String code, @RequestParam(defaultValue = "") String stall,
                 @RequestParam(defaultValue = "ELECTRICITY") MeterKind kind, Model model) {
        Market market = markets.forStaff(code, Permission.METER_READ);
        if (stall.isBlank()) {
            return stalls(model, market, Map.of(), "");
        }
        try {
            return screen(model, market, readings.screen(market, stall, kind), Map.of(), Map.of(), false);
        } catch (InvalidInputException e) {
            return stalls(model, market, formErrors.of(e), stall);
        }
    }

    @PostMapping("/admin/markets/{code}/readings")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.METER_READ);
        String value = form.getOrDefault("value", "");
        // A jump is confirmed for the value the cashier saw in the warning, not for whatever is typed afterwards.
        boolean confirmed = !value.isBlank() && value.equals(form.get("confirmValue"));
        String who = access.require().username();
        try {
            MeterReadings.Saved saved = readings.record(market, new MeterReadings.Request(null, form.get("stallCode"),
                    form.get("kind"), form.get("readOn"), value, confirmed), ReadingSource.PHONE, who);
            MeterReadings.Screen done = readings.screen(market, saved.meter().stallCode(), saved.meter().kind());
            redirect.addFlashAttribute("notice", "metering.reading.saved");
            redirect.addFlashAttribute("noticeArg", saved.meter().stallCode());
            redirect.addFlashAttribute("noticeArg2", vn.cho40.shared.VnFormats.groupThousands(saved.value()) + " "
                    + saved.meter().kind().unit());
            MeterReadings.Stop next = done.next() != null ? done.next()
                    : new MeterReadings.Stop(saved.meter().stallCode(), saved.meter().kind());
            return "redirect:/admin/markets/" + market.code() + "/readings?stall=" + next.stallCode() + "&kind="
                    + next.kind();
        } catch (InvalidInputException e) {
            // On the phone the jump is confirmed with a button, not with the API's confirmJump: say so.
            Map<String, String> errors = formErrors.of(new InvalidInputException(e.violations().stream()
                    .map(x -> x.messageKey().equals("metering.reading.jump")
                            ? new vn.cho40.shared.Violation(x.field(), "metering.reading.jumpPhone", x.args()) : x)
                    .toList()));
            MeterKind kind = MeterRules.kind(form.get("kind"), "kind", new java.util.ArrayList<>()).orElse(null);
            if (kind == null || form.get("stallCode") == null) {
                return stalls(model, market, errors, form.getOrDefault("stallCode", ""));
            }
            try {
                return screen(model, market, readings.screen(market, form.get("stallCode"), kind), errors, form,
                        errors.containsKey("confirmJump"));
            } catch (InvalidInputException unknown) {
                return stalls(model, market, formErrors.of(unknown), form.get("stallCode"));
            }
        }
    }

    @GetMapping("/admin/markets/{code}/readings/import")
    String importForm(@PathVariable String code, Model model) {
        model.addAttribute("market", markets.forStaff(code, Permission.METER_READ));
        return "metering/import";
    }

    @PostMapping("/admin/markets/{code}/readings/import")
    String preview(@PathVariable String code, @RequestParam("file") MultipartFile file, HttpSession session,
                   Model model) throws IOException {
        Market market = markets.forStaff(code, Permission.METER_READ);
        model.addAttribute("market", market);
        try {
            ReadingImportPreview preview = readings.preview(market, file.getOriginalFilename(), file.getBytes());
            model.addAttribute("preview", preview);
            if (preview.valid()) {
                String token = UUID.randomUUID().toString();
                session.setAttribute(UPLOAD + token, new Upload(market.code(), file.getOriginalFilename(),
                        file.getBytes()));
                model.addAttribute("token", token);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("fileErrors", formErrors.of(e).values());
        }
        return "metering/import";
    }

    @PostMapping("/admin/markets/{code}/readings/import/confirm")
    String confirm(@PathVariable String code, @RequestParam String token, HttpSession session, Model model,
                   RedirectAttributes redirect) {
        Market market = markets.forStaff(code, Permission.METER_READ);
        Object held = session.getAttribute(UPLOAD + token);
        model.addAttribute("market", market);
        if (!(held instanceof Upload upload) || !upload.marketCode().equals(market.code())) {
            model.addAttribute("fileErrors", List.of(formErrors.text("import.expired")));
            return "metering/import";
        }
        session.removeAttribute(UPLOAD + token);
        try {
            int saved = readings.importAll(market, upload.filename(), upload.content(), access.require().username());
            redirect.addFlashAttribute("notice", "metering.import.done");
            redirect.addFlashAttribute("noticeArg", saved);
            return "redirect:/admin/markets/" + market.code() + "/readings";
        } catch (ReadingImportRejected e) {
            model.addAttribute("preview", e.preview());
            return "metering/import";
        } catch (InvalidInputException e) {
            model.addAttribute("fileErrors", formErrors.of(e).values());
            return "metering/import";
        }
    }

    @GetMapping("/admin/meter-readings-template.csv")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("mau-chi-so-cong-to.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(("\uFEFF" + ReadingFile.TEMPLATE).getBytes(StandardCharsets.UTF_8));
    }

    private String stalls(Model model, Market market, Map<String, String> errors, String stall) {
        model.addAttribute("market", market);
        List<Meters.StallMeters> rows = meters.board(market, "");
        java.time.LocalDate today = readings.today();
        model.addAttribute("rows", rows);
        // The round's progress: meters in service read in this month so far, so a cashier knows what is left.
        int inService = 0;
        int readThisMonth = 0;
        for (Meters.StallMeters r : rows) {
            for (var e : r.inService().entrySet()) {
                inService++;
                ReadingRules.Point p = r.last().get(e.getKey());
                if (p != null && java.time.YearMonth.from(p.on()).equals(java.time.YearMonth.from(today))) {
                    readThisMonth++;
                }
            }
        }
        model.addAttribute("inService", inService);
        model.addAttribute("readThisMonth", readThisMonth);
        model.addAttribute("errors", errors);
        model.addAttribute("stall", stall);
        model.addAttribute("today", today);
        return "metering/readings";
    }

    private String screen(Model model, Market market, MeterReadings.Screen screen, Map<String, String> errors,
                          Map<String, String> form, boolean askConfirm) {
        model.addAttribute("market", market);
        model.addAttribute("s", screen);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("askConfirm", askConfirm);
        model.addAttribute("kinds", MeterKind.values());
        return "metering/reading";
    }

    /** An uploaded file kept between preview and confirmation. */
    record Upload(String marketCode, String filename, byte[] content) implements java.io.Serializable {
    }
}
