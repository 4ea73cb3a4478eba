package vn.cho40.payroll;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
import vn.cho40.identity.Permission;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.VnFormats;

/**
 * The board's days worked for a month: one number per person on the phone, or a CSV/XLSX file checked line by line
 * in a preview before anything is recorded (the file waits in the session between preview and confirmation).
 */
@Controller
class AttendancePages {

    private static final String UPLOAD = "payroll.attendance.upload.";

    private final AttendanceDays attendance;
    private final Access access;
    private final FormErrors errors;
    private final Clock clock;

    AttendancePages(AttendanceDays attendance, Access access, FormErrors errors, Clock clock) {
        this.attendance = attendance;
        this.access = access;
        this.errors = errors;
        this.clock = clock;
    }

    @GetMapping("/payroll/{code}/attendance")
    String sheet(@PathVariable String code, @RequestParam(defaultValue = "") String period, Model model) {
        return page(attendance.sheet(code, month(period)), Map.of(), Map.of(), model);
    }

    @PostMapping("/payroll/{code}/attendance")
    String record(@PathVariable String code, @RequestParam(defaultValue = "") String period,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes r) {
        YearMonth month = month(period);
        Map<UUID, String> typed = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("days") && k.length() == 40) {
                try {
                    typed.put(UUID.fromString(k.substring(4)), v);
                } catch (IllegalArgumentException ignored) {
                    // not a person's field
                }
            }
        });
        try {
            int n = attendance.record(code, month, typed);
            r.addFlashAttribute("notice", "payroll.attendance.saved");
            r.addFlashAttribute("noticeArg", n);
            return "redirect:/payroll/" + code + "/attendance?period=" + month;
        } catch (InvalidInputException e) {
            Map<String, String> form = new LinkedHashMap<>();
            typed.forEach((id, v) -> form.put(id.toString(), v));
            return page(attendance.sheet(code, month), errors.of(e), form, model);
        }
    }

    @PostMapping("/payroll/{code}/attendance/import")
    String preview(@PathVariable String code, @RequestParam(defaultValue = "") String period,
                   @RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                   Model model) throws IOException {
        YearMonth month = month(period);
        AttendanceDays.Sheet sheet = attendance.sheet(code, month);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(vn.cho40.shared.Violation.of("file", "payroll.attendance.noFile"));
            }
            AttendanceFile.Preview p = attendance.preview(code, month, file.getOriginalFilename(), file.getBytes());
            model.addAttribute("preview", p);
            if (p.valid()) {
                String token = UUID.randomUUID().toString();
                session.setAttribute(UPLOAD + token, new Upload(code, month.toString(), file.getOriginalFilename(),
                        file.getBytes()));
                model.addAttribute("token", token);
            }
            return page(sheet, Map.of(), Map.of(), model);
        } catch (InvalidInputException e) {
            return page(sheet, errors.of(e), Map.of(), model);
        }
    }

    @PostMapping("/payroll/{code}/attendance/import/confirm")
    String confirm(@PathVariable String code, @RequestParam(defaultValue = "") String token, HttpSession session,
                   Model model, RedirectAttributes r) {
        Object held = session.getAttribute(UPLOAD + token);
        if (!(held instanceof Upload upload) || !upload.marketCode().equals(code)) {
            AttendanceDays.Sheet sheet = attendance.sheet(code, YearMonth.now(clock.withZone(VnFormats.VIETNAM)));
            return page(sheet, Map.of("file", errors.text("import.expired")), Map.of(), model);
        }
        session.removeAttribute(UPLOAD + token);
        YearMonth month = YearMonth.parse(upload.period());
        try {
            int n = attendance.importFile(code, month, upload.filename(), upload.content());
            r.addFlashAttribute("notice", "payroll.attendance.saved");
            r.addFlashAttribute("noticeArg", n);
            return "redirect:/payroll/" + code + "/attendance?period=" + month;
        } catch (InvalidInputException e) {
            return page(attendance.sheet(code, month), errors.of(e), Map.of(), model);
        }
    }

    /** The month's file to fill in, one line per person employed, with the days they could work. */
    @GetMapping("/payroll/{code}/attendance.csv")
    ResponseEntity<byte[]> template(@PathVariable String code, @RequestParam(defaultValue = "") String period) {
        YearMonth month = month(period);
        return PayrollPages.download("ngay-cong-" + code + "-" + month + ".csv", "text/csv; charset=UTF-8",
                attendance.template(code, month));
    }

    private String page(AttendanceDays.Sheet sheet, Map<String, String> errs, Map<String, String> form, Model model) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("errors", errs);
        model.addAttribute("form", form);
        model.addAttribute("mayEdit", access.require().may(Permission.PAYROLL_EDIT) && !sheet.locked());
        return "payroll/attendance";
    }

    /** This month when none is given; a month that is not YYYY-MM is not found. */
    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock.withZone(VnFormats.VIETNAM));
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("payroll.run.notFound", text);
        }
    }

    /** An uploaded file kept between preview and confirmation. */
    record Upload(String marketCode, String period, String filename, byte[] content) implements java.io.Serializable {
    }
}
