package vn.cho40.teams;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.identity.Scope;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.Violation;

/**
 * The member's phone page: one short form per person helped, the member's own totals and log, and (for a leader)
 * the team's. The form works without script (a plain POST); with script (team-log.js) each entry goes to the phone's
 * queue first and is sent to the API when there is a connection, so nothing typed in a market without data is lost.
 */
@Controller
class TeamLogPage {

    private final Teams teams;
    private final Activities activities;
    private final TeamResults results;
    private final Access access;
    private final FormErrors formErrors;
    private final Clock clock;

    TeamLogPage(Teams teams, Activities activities, TeamResults results, Access access, FormErrors formErrors,
                Clock clock) {
        this.teams = teams;
        this.activities = activities;
        this.results = results;
        this.access = access;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/team-log")
    String page(Model model) {
        return render(model, Map.of(), Map.of(), null);
    }

    @PostMapping("/team-log")
    String submit(@RequestParam Map<String, String> form, Model model) {
        access.requirePermission(Permission.TEAM_LOG);
        try {
            Instant doneAt = parseWhen(form.get("doneAt"));
            Activities.Recorded r = activities.record(new ActivityRules.Entry(parseId(form.get("clientId")),
                    parseKind(form.get("kind")), form.get("appName"), parseId(form.get("traderId")), form.get("residentName"),
                    form.get("residentPhone"), "on".equals(form.get("residentConsent")), form.get("marketCode"),
                    form.get("village"), doneAt, parseInt(form.get("minutes")), form.get("notes")), null);
            return "redirect:/team-log?saved=" + r.activity().id();
        } catch (InvalidInputException e) {
            return render(model, formErrors.of(e), form, null);
        }
    }

    /**
     * Correcting an entry: its author within 7 days of recording it, a commune officer any time. Outside /team-log
     * and /teams, whose menu guards admit only members or only officers: the service decides who may.
     */
    @GetMapping("/team-activities/{id}")
    String correction(@org.springframework.web.bind.annotation.PathVariable UUID id, Model model) {
        try {
            Activities.Activity a = activities.toCorrect(id);
            return correctionPage(a, Map.of("kind", a.kind().name(), "appName", a.appName() == null ? "" : a.appName(),
                    "doneAt", LocalDateTime.ofInstant(a.doneAt(), VnFormats.VIETNAM).withSecond(0).withNano(0).toString(),
                    "minutes", String.valueOf(a.minutes()), "notes", a.notes() == null ? "" : a.notes()), Map.of(), model);
        } catch (InvalidInputException late) {
            model.addAttribute("errors", formErrors.of(late));
            return "teams/correct";
        }
    }

    @PostMapping("/team-activities/{id}")
    String correct(@org.springframework.web.bind.annotation.PathVariable UUID id, @RequestParam Map<String, String> form,
                   Model model) {
        try {
            Instant doneAt = parseWhen(form.get("doneAt"));
            activities.correct(id, parseKind(form.get("kind")), form.get("appName"), doneAt, parseInt(form.get("minutes")),
                    form.get("notes"));
            return "redirect:/team-log?corrected=" + id;
        } catch (InvalidInputException e) {
            Activities.Activity a;
            try {
                a = activities.toCorrect(id);
            } catch (InvalidInputException late) {
                model.addAttribute("errors", formErrors.of(late));
                return "teams/correct";
            }
            return correctionPage(a, form, formErrors.of(e), model);
        }
    }

    private String correctionPage(Activities.Activity a, Map<String, String> form, Map<String, String> errors,
                                  Model model) {
        model.addAttribute("activity", a);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", HelpKind.values());
        return "teams/correct";
    }

    /** The worker that keeps the log page usable offline, allowed to control /team-log (it lives below it). */
    @GetMapping(path = "/team-log/sw.js", produces = "text/javascript")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> worker() {
        return org.springframework.http.ResponseEntity.ok().header("Service-Worker-Allowed", "/team-log")
                .header("Cache-Control", "no-cache")
                .body(new org.springframework.core.io.ClassPathResource("static/js/team-log-sw.js"));
    }

    private String render(Model model, Map<String, String> errors, Map<String, String> form, Object unused) {
        CurrentUser user = access.requirePermission(Permission.TEAM_LOG);
        var member = teams.memberOf(user.username());
        model.addAttribute("member", member.orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("kinds", HelpKind.values());
        model.addAttribute("newClientId", UUID.randomUUID());
        // An author may correct an entry recorded after this instant (7 days back); older ones only an officer.
        model.addAttribute("correctableSince", clock.instant().minus(ActivityRules.AUTHOR_CORRECTION_WINDOW));
        model.addAttribute("now", LocalDateTime.now(clock.withZone(VnFormats.VIETNAM)).withSecond(0).withNano(0));
        if (member.isPresent()) {
            Teams.Team team = teams.get(member.get().teamId());
            model.addAttribute("team", team);
            model.addAttribute("markets", teams.marketCodes(team.id()));
            model.addAttribute("mine", activities.mine(30));
            YearMonth month = YearMonth.now(clock.withZone(VnFormats.VIETNAM));
            model.addAttribute("month", month);
            model.addAttribute("myTotals", results.results(Scope.of(Scope.Kind.COMMUNE, team.communeCode()),
                    TeamResults.Level.MEMBER, month, month).stream()
                    .filter(r -> r.key().equals(member.get().id().toString())).findFirst().orElse(null));
            if (member.get().leader()) {
                model.addAttribute("teamLog", activities.ofTeam(team.id(), 50));
                model.addAttribute("teamTotals", results.results(Scope.of(Scope.Kind.COMMUNE, team.communeCode()),
                        TeamResults.Level.TEAM, month, month).stream()
                        .filter(r -> r.key().equals(team.id().toString())).findFirst().orElse(null));
            }
        }
        return "teams/log";
    }

    private static Instant parseWhen(String text) {
        try {
            return text == null || text.isBlank() ? null
                    : LocalDateTime.parse(text).atZone(VnFormats.VIETNAM).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("doneAt", "teams.activity.doneAt.missing"));
        }
    }

    private static UUID parseId(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static HelpKind parseKind(String text) {
        try {
            return text == null || text.isBlank() ? null : HelpKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer parseInt(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
