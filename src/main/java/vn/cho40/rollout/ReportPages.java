package vn.cho40.rollout;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.XlsxTable;

/** The report page: choose the period, see the report, download it as XLSX or PDF. */
@Controller
class ReportPages {

    private final Reports reports;
    private final KpiFigures figures;
    private final Access access;
    private final FormErrors formErrors;
    private final MessageSource messages;

    ReportPages(Reports reports, KpiFigures figures, Access access, FormErrors formErrors, MessageSource messages) {
        this.reports = reports;
        this.figures = figures;
        this.access = access;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @GetMapping("/rollout/report")
    String page(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_READ);
        model.addAttribute("form", form);
        model.addAttribute("defaultMonth", figures.currentMonth().minusMonths(1).toString());
        model.addAttribute("errors", Map.of());
        if (form.containsKey("month")) {
            try {
                model.addAttribute("report", reports.build(user, form.get("level"), form.get("code"), request(form),
                        LocaleContextHolder.getLocale()));
            } catch (InvalidInputException e) {
                response.setStatus(400);
                model.addAttribute("errors", formErrors.of(e));
            }
        }
        return "rollout/report";
    }

    @GetMapping("/rollout/report.xlsx")
    String xlsx(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) throws IOException {
        return download(form, model, response, "xlsx");
    }

    @GetMapping("/rollout/report.pdf")
    String pdf(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) throws IOException {
        return download(form, model, response, "pdf");
    }

    private String download(Map<String, String> form, Model model, HttpServletResponse response, String kind)
            throws IOException {
        CurrentUser user = access.requirePermission(Permission.ROLLOUT_READ);
        Locale locale = LocaleContextHolder.getLocale();
        MonthlyReport report;
        try {
            report = reports.build(user, form.get("level"), form.get("code"), request(form), locale);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("form", form);
            model.addAttribute("defaultMonth", figures.currentMonth().minusMonths(1).toString());
            model.addAttribute("errors", formErrors.of(e));
            return "rollout/report";
        }
        java.util.function.Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        byte[] body = kind.equals("pdf") ? ReportPdf.write(report, label) : ReportXlsx.write(report, label);
        String name = "bao-cao-cho40-" + report.period().first() + (report.period().first().equals(report.period().last())
                ? "" : "_" + report.period().last()) + "." + kind;
        response.setContentType(kind.equals("pdf") ? "application/pdf" : XlsxTable.CONTENT_TYPE);
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                .build().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }

    private static Reports.Request request(Map<String, String> form) {
        return new Reports.Request(form.get("kind"), form.get("month"), form.get("number"), form.get("agency"),
                form.get("notes"), form.get("regime"));
    }
}
