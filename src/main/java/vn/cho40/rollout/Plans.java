package vn.cho40.rollout;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Scope;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * Rollout plans of a province ("Kế hoạch 156/KH-UBND ngày 20/10/2022"), their priority lists of markets by year and
 * their dated targets. Only the province's own officials keep them; a plan of another province does not exist for
 * them. Every refusal names the field and what to do.
 */
@Service
class Plans {

    public record Plan(UUID id, String provinceCode, String issuer, String number, LocalDate issuedOn, String title) {
    }

    public record Target(UUID id, UUID planId, Indicator indicator, boolean percent, long value, LocalDate deadline,
                  String scope, String scopeCode, Integer priorityYear) {

        boolean issuedOnAfter(LocalDate day, Plan plan) {
            return plan.issuedOn().isAfter(day);
        }
    }

    public record PriorityMarket(UUID marketId, String code, String name, int year) {
    }

    record NewPlan(String provinceCode, String issuer, String number, LocalDate issuedOn, String title) {
    }

    record NewTarget(String indicator, String kind, String value, LocalDate deadline, String scope, String scopeCode,
                     String priorityYear) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    Plans(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** The plans of the provinces in the user's area, newest first. */
    List<Plan> inScope(Scope scope) {
        return db.sql("SELECT id, province_code, issuer, number, issued_on, title FROM rollout_plan "
                        + "WHERE (? OR province_code = ?) ORDER BY issued_on DESC, number")
                .params(scope.kind() == Scope.Kind.NATIONAL, provinceOf(scope))
                .query((rs, n) -> new Plan(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6))).list();
    }

    Plan get(Scope scope, UUID id) {
        return inScope(scope).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("rollout.plan.notFound", id));
    }

    @Transactional
    Plan create(CurrentUser user, NewPlan form) {
        String province = user.scope().kind() == Scope.Kind.NATIONAL ? clean(form.provinceCode())
                : provinceOf(user.scope());
        List<Violation> problems = new ArrayList<>();
        if (province == null || province.isBlank() || !provinceExists(province)) {
            problems.add(Violation.of("provinceCode", "rollout.plan.provinceInvalid"));
        }
        String issuer = clean(form.issuer());
        String number = clean(form.number());
        String title = clean(form.title());
        if (issuer == null || issuer.length() < 2) {
            problems.add(Violation.of("issuer", "rollout.plan.issuerMissing"));
        }
        if (number == null || number.length() < 2 || number.length() > 60) {
            problems.add(Violation.of("number", "rollout.plan.numberInvalid"));
        }
        if (form.issuedOn() == null) {
            problems.add(Violation.of("issuedOn", "rollout.plan.issuedOnMissing"));
        } else if (form.issuedOn().isAfter(LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM)))) {
            problems.add(Violation.of("issuedOn", "rollout.plan.issuedOnFuture"));
        }
        if (title == null || title.length() < 2) {
            problems.add(Violation.of("title", "rollout.plan.titleMissing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        try {
            db.sql("""
                    INSERT INTO rollout_plan (id, province_code, issuer, number, issued_on, title, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, province, issuer, number, Date.valueOf(form.issuedOn()), title,
                            Timestamp.from(clock.instant()), user.username()).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("number", "rollout.plan.duplicate", number));
        }
        audit.record("ROLLOUT_PLAN_CREATE", "rollout_plan", id, null, province, number);
        return new Plan(id, province, issuer, number, form.issuedOn(), title);
    }

    /** Adds markets to the plan's priority list for a year: every code must be a market of the plan's province. */
    @Transactional
    int addMarkets(CurrentUser user, UUID planId, List<String> codes, String yearText) {
        Plan plan = get(user.scope(), planId);
        Integer year = parseInt(yearText);
        List<Violation> problems = new ArrayList<>();
        if (year == null || year < plan.issuedOn().getYear() - 1 || year > plan.issuedOn().getYear() + 10) {
            problems.add(Violation.of("year", "rollout.plan.year", String.valueOf(plan.issuedOn().getYear())));
        }
        List<String> wanted = codes.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty())
                .distinct().toList();
        if (wanted.isEmpty()) {
            problems.add(Violation.of("marketCodes", "rollout.plan.noMarkets"));
        }
        List<UUID> ids = new ArrayList<>();
        for (String code : wanted) {
            Optional<UUID> id = db.sql("SELECT id FROM market WHERE code = ? AND province_code = ?")
                    .params(code, plan.provinceCode()).query(UUID.class).optional();
            if (id.isEmpty()) {
                problems.add(Violation.of("marketCodes", "rollout.plan.marketOutside", code));
            } else {
                ids.add(id.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int added = 0;
        for (UUID market : ids) {
            added += db.sql("""
                    INSERT INTO rollout_plan_market (plan_id, market_id, province_code, priority_year)
                    VALUES (?, ?, ?, ?) ON CONFLICT (plan_id, market_id) DO UPDATE SET priority_year = excluded.priority_year""")
                    .params(planId, market, plan.provinceCode(), year).update();
        }
        audit.record("ROLLOUT_PLAN_MARKETS", "rollout_plan", planId, null, plan.provinceCode(),
                year + ": " + String.join(", ", wanted));
        return added;
    }

    /**
     * What a plan's page says beside a target: a count of live markets above the markets its scope holds in the
     * directory cannot be met until the missing markets are entered (the plan counted markets the directory lacks).
     */
    Map<UUID, Integer> marketsShort(Plan plan, List<Target> targets) {
        Map<UUID, Integer> shortBy = new java.util.HashMap<>();
        for (Target t : targets) {
            if (t.indicator() != Indicator.MARKETS_LIVE || t.percent()) {
                continue;
            }
            int held = switch (t.scope()) {
                case "COMMUNE" -> db.sql("SELECT count(*) FROM market WHERE commune_code = ?").param(t.scopeCode())
                        .query(Integer.class).single();
                case "PRIORITY" -> db.sql("SELECT count(*) FROM rollout_plan_market WHERE plan_id = ? "
                        + "AND priority_year = ?").params(plan.id(), t.priorityYear()).query(Integer.class).single();
                default -> db.sql("SELECT count(*) FROM market WHERE province_code = ?").param(plan.provinceCode())
                        .query(Integer.class).single();
            };
            if (t.value() > held) {
                shortBy.put(t.id(), held);
            }
        }
        return shortBy;
    }

    /** The names of the communes the targets are scoped to (a code means nothing to the reader). */
    Map<String, String> communeNames(List<Target> targets) {
        Map<String, String> names = new java.util.HashMap<>();
        targets.stream().filter(t -> "COMMUNE".equals(t.scope()) && t.scopeCode() != null).forEach(t ->
                db.sql("SELECT name FROM admin_unit WHERE regime = '2025' AND level = 'commune' AND code = ?")
                        .param(t.scopeCode()).query(String.class).optional().ifPresent(n -> names.put(t.scopeCode(), n)));
        return names;
    }

    @Transactional
    Target addTarget(CurrentUser user, UUID planId, NewTarget form) {
        Plan plan = get(user.scope(), planId);
        List<Violation> problems = new ArrayList<>();
        Indicator indicator = null;
        try {
            indicator = Indicator.valueOf(String.valueOf(form.indicator()).strip());
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of("indicator", "rollout.target.indicatorInvalid"));
        }
        boolean percent = "PERCENT".equals(form.kind());
        if (!percent && !"COUNT".equals(form.kind())) {
            problems.add(Violation.of("kind", "rollout.target.kindInvalid"));
        }
        if (percent && indicator != null && !indicator.percentAllowed()) {
            problems.add(Violation.of("kind", "rollout.target.noPercent"));
        }
        Long value = parseLong(form.value());
        if (value == null || value < 0) {
            problems.add(Violation.of("value", "rollout.target.valueInvalid"));
        } else if (percent && value > 100) {
            problems.add(Violation.of("value", "rollout.target.percentOver", value));
        }
        if (form.deadline() == null) {
            problems.add(Violation.of("deadline", "rollout.target.deadlineMissing"));
        } else if (form.deadline().isBefore(plan.issuedOn())) {
            problems.add(Violation.of("deadline", "rollout.target.deadlineBeforePlan",
                    vn.cho40.shared.VnFormats.date(plan.issuedOn())));
        }
        String scope = form.scope() == null ? "PROVINCE" : form.scope();
        String scopeCode = null;
        Integer year = null;
        switch (scope) {
            case "PROVINCE" -> { }
            case "COMMUNE" -> {
                scopeCode = clean(form.scopeCode());
                boolean inProvince = scopeCode != null && db.sql("""
                        SELECT EXISTS (SELECT 1 FROM admin_unit WHERE regime = '2025' AND level = 'commune'
                                       AND code = ? AND parent_code = ?)""")
                        .params(scopeCode, plan.provinceCode()).query(Boolean.class).single();
                if (!inProvince) {
                    problems.add(Violation.of("scopeCode", "rollout.target.communeOutside"));
                }
            }
            case "PRIORITY" -> {
                year = parseInt(form.priorityYear());
                if (year == null) {
                    problems.add(Violation.of("priorityYear", "rollout.target.priorityYearMissing"));
                }
            }
            default -> problems.add(Violation.of("scope", "rollout.target.scopeInvalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO rollout_target (id, plan_id, province_code, indicator, kind, target_value, deadline, scope,
                    scope_code, priority_year, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, planId, plan.provinceCode(), indicator.name(), percent ? "PERCENT" : "COUNT", value,
                        Date.valueOf(form.deadline()), scope, scopeCode, year, Timestamp.from(clock.instant()),
                        user.username()).update();
        audit.record("ROLLOUT_TARGET_ADD", "rollout_target", id, null, plan.provinceCode(),
                plan.number() + ": " + indicator.name() + " " + value + (percent ? "%" : "") + " "
                        + vn.cho40.shared.VnFormats.date(form.deadline()));
        return new Target(id, planId, indicator, percent, value, form.deadline(), scope, scopeCode, year);
    }

    List<Target> targets(UUID planId) {
        return db.sql("""
                SELECT id, plan_id, indicator, kind, target_value, deadline, scope, scope_code, priority_year
                FROM rollout_target WHERE plan_id = ? ORDER BY deadline, indicator""").param(planId)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Indicator.valueOf(rs.getString(3)), rs.getString(4).equals("PERCENT"), rs.getLong(5),
                        rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
                        (Integer) rs.getObject(9))).list();
    }

    List<PriorityMarket> priorityMarkets(UUID planId) {
        return db.sql("""
                SELECT m.id, m.code, m.name, p.priority_year FROM rollout_plan_market p JOIN market m ON m.id = p.market_id
                WHERE p.plan_id = ? ORDER BY p.priority_year, m.code""").param(planId)
                .query((rs, n) -> new PriorityMarket(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4))).list();
    }

    private boolean provinceExists(String code) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM admin_unit WHERE regime = '2025' AND level = 'province' AND code = ?)")
                .param(code).query(Boolean.class).single();
    }

    /** The province a scope lies in, or "" for the whole country. */
    static String provinceOf(Scope scope) {
        return switch (scope.kind()) {
            case NATIONAL -> "";
            case PROVINCE -> scope.code();
            default -> "\u0000"; // communes and markets keep no plans; their province is read from the market
        };
    }

    private static String clean(String s) {
        String c = SearchText.clean(s);
        return c == null || c.isBlank() ? null : c.strip();
    }

    private static Integer parseInt(String s) {
        Long l = parseLong(s);
        return l == null || l > Integer.MAX_VALUE ? null : l.intValue();
    }

    private static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        String digits = s.strip().replace("%", "").replace(" ", "").replace("\u00a0", "");
        if (digits.matches("\\d{1,3}([.,]\\d{3})+")) {
            digits = digits.replaceAll("[.,]", ""); // 1.000.000 or 1,000,000
        }
        try {
            return digits.isEmpty() ? null : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
