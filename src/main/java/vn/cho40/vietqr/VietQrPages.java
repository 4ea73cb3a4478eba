package vn.cho40.vietqr;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.market.Stall;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/** Signs, stall codes, the public verification page, inspection rounds and the trader's self-check. */
@Controller
class VietQrPages {

    private final StallCodes codes;
    private final Inspections inspections;
    private final Markets markets;
    private final Access access;
    private final vn.cho40.trader.Traders traders;
    private final long maxImagePixels;
    private final StallReaders readers;

    VietQrPages(StallCodes codes, Inspections inspections, Markets markets, Access access,
                vn.cho40.trader.Traders traders, StallReaders readers,
                @org.springframework.beans.factory.annotation.Value("${cho40.uploads.max-image-pixels}")
                long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
        this.readers = readers;
        this.codes = codes;
        this.inspections = inspections;
        this.markets = markets;
        this.access = access;
        this.traders = traders;
    }

    @GetMapping("/v/{code}")
    String verify(@PathVariable String code, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var verification = codes.verify(code);
        if (verification.isEmpty()) {
            // Still a page in Vietnamese for the customer, with the status a crawler or app can act on.
            response.setStatus(404);
        }
        model.addAttribute("code", code);
        model.addAttribute("v", verification.orElse(null));
        return "vietqr/verify";
    }

    /** The write behind "make codes and print": codes for stalls without one, then the signs as usual. */
    @PostMapping("/admin/markets/{code}/signs")
    String issueAndPrint(@PathVariable String code, @RequestParam(defaultValue = "A5") SignPdf.Size size) {
        Market market = markets.forStaff(code, Permission.STALL_EDIT);
        codes.issueMissing(market);
        return "redirect:/admin/markets/" + market.code() + "/signs.pdf?size=" + size.name();
    }

    /** Read only: prints the stalls' current codes and makes none (see {@link #issueAndPrint}). */
    @GetMapping("/admin/markets/{code}/signs.pdf")
    ResponseEntity<byte[]> signs(@PathVariable String code, @RequestParam(defaultValue = "A5") SignPdf.Size size) {
        Market market = markets.forStaff(code, null);
        List<SignPdf.Sign> signs = codes.printable(market).stream().map(c -> sign(market, c)).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("bien-qr-" + market.code() + ".pdf").build().toString())
                .body(SignPdf.render(signs, size));
    }

    @GetMapping("/admin/markets/{code}/stalls/{stall}/qr.png")
    ResponseEntity<byte[]> png(@PathVariable String code, @PathVariable String stall) {
        StallCodes.StallCode c = current(code, stall);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrImages.png(c.payload(), 600));
    }

    @GetMapping("/admin/markets/{code}/stalls/{stall}/qr.svg")
    ResponseEntity<String> svg(@PathVariable String code, @PathVariable String stall) {
        StallCodes.StallCode c = current(code, stall);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(QrImages.svg(c.payload()));
    }

    @GetMapping("/admin/inspections")
    String rounds(Model model) {
        CurrentUser user = access.requirePermission(Permission.STALL_EDIT);
        model.addAttribute("rounds", inspections.rounds(user.scope()));
        model.addAttribute("markets", markets.inScope(user.scope()));
        return "vietqr/inspections";
    }

    @PostMapping("/admin/inspections")
    String start(@RequestParam String market) {
        Market m = markets.forStaff(market, Permission.STALL_EDIT);
        return "redirect:/admin/inspections/" + inspections.start(m, access.require().username()).id();
    }

    @GetMapping("/admin/inspections/{id}")
    String round(@PathVariable UUID id, Model model) {
        Inspections.Round round = inspections.round(id);
        Market market = markets.forStaff(round.marketCode(), Permission.STALL_EDIT);
        List<Inspections.Check> checks = inspections.checks(id);
        model.addAttribute("round", round);
        model.addAttribute("market", market);
        model.addAttribute("checks", checks);
        // A stall checked twice in a round counts once, with its worst outcome: a fake sticker found and then
        // peeled off is still what the round found at that stall.
        java.util.Map<String, Inspections.Check> latest = new java.util.LinkedHashMap<>();
        checks.forEach(c -> latest.merge(c.stallCode(), c, (a, b) -> a.outcome().severity() >= b.outcome().severity()
                ? a : b));
        model.addAttribute("counts", latest.values().stream().collect(Collectors.groupingBy(
                Inspections.Check::outcome, () -> new java.util.EnumMap<>(Inspections.Outcome.class),
                Collectors.counting())));
        model.addAttribute("stallsChecked", latest.size());
        model.addAttribute("stalls", codes.stallList(market));
        return "vietqr/round";
    }

    @PostMapping("/admin/inspections/{id}/checks")
    String check(@PathVariable UUID id, @RequestParam String stallCode,
                 @RequestParam(defaultValue = "") String payload,
                 @RequestParam(value = "photo", required = false) MultipartFile photo) throws IOException {
        Inspections.Round round = inspections.round(id);
        Market market = markets.forStaff(round.marketCode(), Permission.STALL_EDIT);
        Stall stall = codes.stall(market, stallCode);
        inspections.check(id, market, stall, scanned(payload, photo), access.require().username());
        return "redirect:/admin/inspections/" + id + "#checks";
    }

    @PostMapping("/admin/inspections/{id}/finish")
    String finish(@PathVariable UUID id) {
        Inspections.Round round = inspections.round(id);
        markets.forStaff(round.marketCode(), Permission.STALL_EDIT);
        inspections.finish(id);
        return "redirect:/admin/inspections/" + id;
    }

    /** The trader's own stall code, full screen in the app; cached by the service worker for offline use. */
    @GetMapping("/trader/stalls/{code}/{stall}/qr.png")
    ResponseEntity<byte[]> ownQr(@PathVariable String code, @PathVariable String stall) {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        var lease = traders.leases(me.traderId()).stream()
                .filter(l -> l.endsOn() == null && l.marketCode().equals(code) && l.stallCode().equals(stall))
                .findFirst().orElseThrow(() -> new NotFoundException("stall.notFound", stall));
        Market market = markets.get(lease.marketCode());
        StallCodes.StallCode c = codes.find(market, codes.stall(market, lease.stallCode()))
                .orElseThrow(() -> new NotFoundException("stall.noCode", stall));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400").body(QrImages.png(c.payload(), 720));
    }

    @GetMapping("/trader/check")
    String selfCheckForm(Model model) {
        model.addAttribute("leases", traders.leases(access.requirePermission(Permission.OWN_DATA).traderId()));
        return "vietqr/self-check";
    }

    @PostMapping("/trader/check")
    String selfCheck(@RequestParam String stall, @RequestParam(defaultValue = "") String payload,
                     @RequestParam(value = "photo", required = false) MultipartFile photo, Model model)
            throws IOException {
        CurrentUser me = access.requirePermission(Permission.OWN_DATA);
        var lease = traders.leases(me.traderId()).stream()
                .filter(l -> l.endsOn() == null && (l.marketCode() + "/" + l.stallCode()).equals(stall)).findFirst()
                .orElseThrow(() -> new NotFoundException("stall.notFound", stall));
        Market market = markets.get(lease.marketCode());
        Inspections.Outcome outcome = inspections.check(null, market, codes.stall(market, lease.stallCode()),
                scanned(payload, photo), me.username());
        model.addAttribute("leases", traders.leases(me.traderId()));
        model.addAttribute("outcome", outcome);
        return "vietqr/self-check";
    }

    private String scanned(String payload, MultipartFile photo) throws IOException {
        if (photo != null && !photo.isEmpty()) {
            try {
                return QrImages.read(photo.getBytes(), maxImagePixels).orElse("");
            } catch (QrImages.TooLarge e) {
                throw new InvalidInputException(Violation.of("photo", "inspection.photo.tooLarge", e.width(),
                        e.height(), maxImagePixels / 1_000_000));
            }
        }
        return payload;
    }

    private StallCodes.StallCode current(String marketCode, String stallCode) {
        StallReaders.Target t = readers.readable(marketCode, stallCode);
        return codes.find(t.market(), t.stall()).orElseThrow(() -> readers.noCode(t));
    }

    private static SignPdf.Sign sign(Market market, StallCodes.StallCode c) {
        String verification = StallCodes.display(c.verificationCode());
        return new SignPdf.Sign(market.name(), c.stallCode(), c.holderName(), c.bankName(), c.payload(), verification,
                "cho40.vn/v/" + c.verificationCode());
    }
}
