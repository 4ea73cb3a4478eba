package vn.cho40.teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.Violation;

/** Open data: the teams' counts per 2025 commune and month. Counts only: no person, no phone, no name of a member. */
@RestController
@Tag(name = "Dữ liệu mở (open data)")
class TeamsOpenData {

    private static final String HEADER = "month,province_code,commune_code,commune_name,teams,active_members,"
            + "people_helped,bank_accounts,apps_installed,stall_qr,taught_qr,public_services,ecommerce_listings,other,"
            + "traders_onboarded,traders_active_within_30_days";

    private final TeamResults results;
    private final Clock clock;

    TeamsOpenData(TeamResults results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/open-data/teams.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "openDataTeams",
            summary = "Kết quả tổ công nghệ số theo xã và tháng (không có dữ liệu cá nhân): community technology "
                    + "teams' counts per commune and month, no personal data")
    List<TeamResults.OpenRow> json(@RequestParam(defaultValue = "") String province,
                                   @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
        YearMonth[] range = range(from, to);
        return results.openData(province, range[0], range[1]);
    }

    @GetMapping(path = "/api/v1/open-data/teams.csv", produces = "text/csv")
    @Operation(operationId = "openDataTeamsCsv",
            summary = "Như trên, dạng CSV (UTF-8): the same counts as CSV")
    ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "") String province,
                               @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
        YearMonth[] range = range(from, to);
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (TeamResults.OpenRow r : results.openData(province, range[0], range[1])) {
            out.append(String.join(",", r.month(), r.provinceCode(), r.communeCode(), quote(r.communeName()),
                    String.valueOf(r.teams()), String.valueOf(r.activeMembers()), String.valueOf(r.helped()),
                    String.valueOf(r.bankAccounts()), String.valueOf(r.appsInstalled()), String.valueOf(r.stallQr()),
                    String.valueOf(r.taughtQr()), String.valueOf(r.publicServices()), String.valueOf(r.ecommerce()),
                    String.valueOf(r.other()), String.valueOf(r.tradersOnboarded()), String.valueOf(r.tradersActive())))
                    .append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"to-cong-nghe-so.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private YearMonth[] range(String from, String to) {
        YearMonth now = YearMonth.now(clock.withZone(VnFormats.VIETNAM));
        try {
            YearMonth f = from.isBlank() ? now.minusMonths(11) : YearMonth.parse(from);
            YearMonth t = to.isBlank() ? now : YearMonth.parse(to);
            if (t.isBefore(f) || f.plusMonths(60).isBefore(t)) {
                throw new InvalidInputException(Violation.of("from", "teams.openData.range"));
            }
            return new YearMonth[] {f, t};
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("from", "teams.openData.month"));
        }
    }

    private static String quote(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
