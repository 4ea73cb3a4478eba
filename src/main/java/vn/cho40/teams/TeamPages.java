package vn.cho40.teams;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.XlsxTable;
import vn.cho40.shared.XlsxTable.Column;
import vn.cho40.shared.XlsxTable.Kind;

/** The registry pages for commune officers and the province, and the results with their XLSX export. */
@Controller
class TeamPages {

    private final Teams teams;
    private final Activities activities;
    private final TeamResults results;
    private final Access access;
    private final FormErrors formErrors;
    private final Clock clock;

    TeamPages(Teams teams, Activities activities, TeamResults results, Access access, FormErrors formErrors, Clock clock) {
        this.teams = teams;
        this.activities = activities;
        this.results = results;
        this.access = access;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/teams")
    String list(Model model) {
        CurrentUser user = access.requirePermission(Permission.TEAM_MANAGE);
        model.addAttribute("teams", teams.inScope());
        model.addAttribute("errors", Map.of());
        model.addAttribute("form", Map.of("communeCode", user.scope().kind().name().equals("COMMUNE") ? user.scope().code() : ""));
        return "teams/list";
    }

    @PostMapping("/teams")
    String create(@RequestParam Map<String, String> form, Model model) {
        access.requirePermission(Permission.TEAM_MANAGE);
        try {
            List<String> markets = Arrays.stream(form.getOrDefault("marketCodes", "").split("[,;\\s]+"))
                    .filter(s -> !s.isBlank()).toList();
            Teams.Team t = teams.create(new Teams.NewTeam(form.get("communeCode"), form.get("village"), form.get("name"),
                    VnFormats.parseDate(form.getOrDefault("foundedOn", "")).or(() -> iso(form.get("foundedOn"))).orElse(null),
                    markets));
            return "redirect:/teams/" + t.id();
        } catch (InvalidInputException e) {
            model.addAttribute("teams", teams.inScope());
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", form);
            return "teams/list";
        }
    }

    @GetMapping("/teams/{id}")
    String team(@PathVariable UUID id, Model model) {
        CurrentUser user = access.require();
        Teams.Team team = teams.get(id);
        model.addAttribute("team", team);
        model.addAttribute("members", teams.members(id));
        model.addAttribute("markets", teams.marketCodes(id));
        model.addAttribute("manager", user.may(Permission.TEAM_MANAGE));
        model.addAttribute("activities", activities.ofTeam(id, 100));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "teams/team";
    }

    @PostMapping("/teams/{id}/members")
    String addMember(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
        try {
            teams.addMember(id, new Teams.NewMember(form.get("fullName"), form.get("phone"), form.get("organisation"),
                    "on".equals(form.get("leader")),
                    VnFormats.parseDate(form.getOrDefault("fromOn", "")).or(() -> iso(form.get("fromOn"))).orElse(null),
                    form.get("staffUsername")));
            return "redirect:/teams/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", form);
            return team(id, model);
        }
    }

    @PostMapping("/teams/{id}/members/{memberId}/end")
    String endMember(@PathVariable UUID id, @PathVariable UUID memberId) {
        teams.endMember(memberId, LocalDate.now(clock.withZone(VnFormats.VIETNAM)));
        return "redirect:/teams/" + id;
    }

    @GetMapping("/teams/results")
    String results(@RequestParam(defaultValue = "TEAM") TeamResults.Level level,
                   @RequestParam(defaultValue = "") String month, Model model) {
        CurrentUser user = access.requirePermission(Permission.TEAM_MANAGE);
        YearMonth m = month(month);
        YearMonth from = m.minusMonths(11);
        model.addAttribute("level", level);
        model.addAttribute("month", m);
        model.addAttribute("rows", results.results(user.scope(), level, from, m));
        // The chart: the whole scope per month over the year, whatever level the table shows.
        List<TeamResults.Row> perMonth = results.results(user.scope(), TeamResults.Level.PROVINCE, from, m);
        java.util.Map<YearMonth, long[]> byMonth = new java.util.TreeMap<>();
        for (YearMonth x = from; !x.isAfter(m); x = x.plusMonths(1)) {
            byMonth.put(x, new long[3]);
        }
        for (TeamResults.Row r : perMonth) {
            long[] v = byMonth.get(r.month());
            if (v != null) {
                v[0] += r.helped();
                v[1] += r.onboarded();
                v[2] += r.becameActive();
            }
        }
        model.addAttribute("chartMonths", String.join(",", byMonth.keySet().stream().map(YearMonth::toString).toList()));
        model.addAttribute("chartHelped", join(byMonth.values().stream().map(v -> v[0]).toList()));
        model.addAttribute("chartOnboarded", join(byMonth.values().stream().map(v -> v[1]).toList()));
        model.addAttribute("chartActive", join(byMonth.values().stream().map(v -> v[2]).toList()));
        model.addAttribute("ranking", results.ranking(user.scope(), m));
        model.addAttribute("kinds", HelpKind.values());
        model.addAttribute("levels", TeamResults.Level.values());
        return "teams/results";
    }

    private static final List<Column> COLUMNS = List.of(new Column("Tháng", Kind.TEXT, 9),
            new Column("Đơn vị", Kind.TEXT, 30), new Column("Mở tài khoản", Kind.COUNT, 12),
            new Column("Cài ứng dụng", Kind.COUNT, 12), new Column("Làm/thay mã QR quầy", Kind.COUNT, 14),
            new Column("Hướng dẫn thanh toán QR", Kind.COUNT, 14), new Column("Dịch vụ công trực tuyến", Kind.COUNT, 14),
            new Column("Đưa sản phẩm lên sàn TMĐT", Kind.COUNT, 14), new Column("Khác", Kind.COUNT, 8),
            new Column("Tổng lượt hỗ trợ", Kind.COUNT, 12), new Column("Tiểu thương được tiếp nhận", Kind.COUNT, 14),
            new Column("Trong đó đã thanh toán không tiền mặt trong 30 ngày", Kind.COUNT, 18));

    @GetMapping("/teams/results.xlsx")
    void export(@RequestParam(defaultValue = "TEAM") TeamResults.Level level, @RequestParam(defaultValue = "") String month,
                HttpServletResponse response) throws IOException {
        CurrentUser user = access.requirePermission(Permission.TEAM_MANAGE);
        YearMonth m = month(month);
        response.setContentType(XlsxTable.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"ket-qua-to-cong-nghe-so-" + m + ".xlsx\"");
        try (XlsxTable table = new XlsxTable("Tổ công nghệ số", COLUMNS)) {
            table.line("KẾT QUẢ HOẠT ĐỘNG CỦA TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", true);
            table.line("Tháng " + m.getMonthValue() + "/" + m.getYear(), false);
            table.blankLine();
            table.header();
            for (TeamResults.Row r : results.results(user.scope(), level, m, m)) {
                table.row(r.month().toString(), r.label(), r.helpedOf("BANK_ACCOUNT"), r.helpedOf("INSTALL_APP"),
                        r.helpedOf("STALL_QR"), r.helpedOf("TEACH_QR"), r.helpedOf("PUBLIC_SERVICES"),
                        r.helpedOf("ECOMMERCE_LISTING"), r.helpedOf("OTHER"), r.helped(), r.onboarded(), r.becameActive());
            }
            table.writeTo(response.getOutputStream());
        }
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private YearMonth month(String text) {
        try {
            return text.isBlank() ? YearMonth.now(clock.withZone(VnFormats.VIETNAM)) : YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(vn.cho40.shared.Violation.of("month", "teams.openData.month"));
        }
    }

    private static java.util.Optional<LocalDate> iso(String text) {
        try {
            return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
