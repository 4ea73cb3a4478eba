package vn.cho40.rollout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.MarketPlace;
import vn.cho40.identity.Scope;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.VnFormats;

/**
 * What the dashboards show: the unit a user looks at (their own area by default, and only inside it), its month,
 * the units one level down to drill into, the stalls of a market, and the plans' targets with where they stand.
 */
@Service
class RolloutViews {

    /** The unit looked at: a level and code, or the whole country (level null). */
    public record Unit(Level level, String code, String name, String provinceCode) {

        public boolean national() {
            return level == null;
        }
    }

    /** A target with its plan, the value it is read against and where it stands. */
    public record TargetRow(Plans.Plan plan, Plans.Target target, Indicator.Actual actual, TargetProgress progress,
                     YearMonth readIn) {
    }

    /** A stall of a market in a month: its code, whether its trader had a code, payments and whether active. */
    public record StallRow(String code, String category, boolean leased, boolean withQr, long paymentsCount,
                    long paymentsValue, boolean active) {
    }

    private final JdbcClient db;
    private final KpiFigures figures;
    private final KpiSnapshots snapshots;
    private final Plans plans;
    private final AdminUnits units;
    private final Clock clock;

    RolloutViews(JdbcClient db, KpiFigures figures, KpiSnapshots snapshots, Plans plans, AdminUnits units,
                 Clock clock) {
        this.db = db;
        this.figures = figures;
        this.snapshots = snapshots;
        this.plans = plans;
        this.units = units;
        this.clock = clock;
    }

    /** The unit asked for, or the user's own area; anything outside the area is not found. */
    Unit resolve(CurrentUser user, String levelText, String code) {
        Scope scope = user.scope();
        if (levelText == null || levelText.isBlank()) {
            return switch (scope.kind()) {
                case NATIONAL -> new Unit(null, "", "Việt Nam", null);
                case PROVINCE -> unit(Level.PROVINCE, scope.code(), scope);
                case COMMUNE -> unit(Level.COMMUNE, scope.code(), scope);
                case MARKET -> unit(Level.MARKET, scope.code(), scope);
                case TRADER -> throw new NotFoundException("rollout.unit.notFound", "");
            };
        }
        Level level;
        try {
            level = Level.parse(levelText);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("rollout.unit.notFound", levelText);
        }
        return unit(level, code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT), scope);
    }

    private Unit unit(Level level, String code, Scope scope) {
        NotFoundException missing = new NotFoundException("rollout.unit.notFound", code);
        return switch (level) {
            case PROVINCE -> {
                AdminUnit p = units.find(AdminUnit.Regime.CURRENT, code).filter(u -> u.level() == AdminUnit.Level.PROVINCE)
                        .orElseThrow(() -> missing);
                if (!(scope.kind() == Scope.Kind.NATIONAL || scope.kind() == Scope.Kind.PROVINCE && code.equals(scope.code()))) {
                    throw missing;
                }
                yield new Unit(level, code, p.fullName(), code);
            }
            case COMMUNE -> {
                AdminUnit c = units.find(AdminUnit.Regime.CURRENT, code).filter(u -> u.level() == AdminUnit.Level.COMMUNE)
                        .orElseThrow(() -> missing);
                if (!scope.covers(new MarketPlace("", code, c.parentCode()))) {
                    throw missing;
                }
                yield new Unit(level, code, c.fullName(), c.parentCode());
            }
            case DISTRICT -> {
                AdminUnit d = units.find(AdminUnit.Regime.PRE_2025, code).filter(u -> u.level() == AdminUnit.Level.DISTRICT)
                        .orElseThrow(() -> missing);
                // A district's markets now lie in one 2025 province: it is in the area when all of them are.
                List<String> provinces = db.sql("SELECT DISTINCT province_code FROM market WHERE pre2025_district_code = ?")
                        .param(code).query(String.class).list();
                String province = provinces.size() == 1 ? provinces.getFirst() : null;
                boolean covered = scope.kind() == Scope.Kind.NATIONAL
                        || scope.kind() == Scope.Kind.PROVINCE && scope.code().equals(province);
                if (!covered || province == null) {
                    throw missing;
                }
                yield new Unit(level, code, d.fullName(), province);
            }
            case MARKET -> {
                record Place(String name, String commune, String province) {
                }
                Place p = db.sql("SELECT name, commune_code, province_code FROM market WHERE code = ?").param(code)
                        .query((rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                        .orElseThrow(() -> missing);
                if (!scope.covers(new MarketPlace(code, p.commune(), p.province()))) {
                    throw missing;
                }
                yield new Unit(level, code, p.name(), p.province());
            }
        };
    }

    /** The 2025 commune a market lies in. */
    Optional<String> communeOfMarket(String marketCode) {
        return db.sql("SELECT commune_code FROM market WHERE code = ?").param(marketCode).query(String.class).optional();
    }

    /**
     * A province's markets in a month. A month that has ended is read from its snapshots; markets that have none yet
     * (added to the platform after the nightly freeze of that month) are frozen now, once, as the nightly job would:
     * a first version only, never a change to one that exists.
     */
    List<MarketMonth> monthOf(String provinceCode, YearMonth month) {
        if (figures.closed(month) && !snapshots.complete(provinceCode, month)) {
            snapshots.freeze(provinceCode, month, "system", null, true);
        }
        return snapshots.month(provinceCode, month);
    }

    /** The markets of the unit in the month (frozen figures for a frozen month). */
    List<MarketMonth> markets(Unit unit, YearMonth month) {
        List<MarketMonth> all = monthOf(unit.provinceCode(), month);
        if (unit.national() || unit.level() == Level.PROVINCE) {
            return all;
        }
        return all.stream().filter(m -> unit.level().codeOf(m).equals(unit.code())).toList();
    }

    /** The unit's own total for the month. */
    UnitMonth total(Unit unit, YearMonth month, List<MarketMonth> markets) {
        return UnitMonth.of(unit.level() == null ? Level.PROVINCE : unit.level(), unit.code(), unit.name(), month,
                markets);
    }

    /** The level one below the unit's: provinces of the country, communes or districts of a province, markets. */
    static Level childLevel(Unit unit, boolean districts) {
        if (unit.national()) {
            return Level.PROVINCE;
        }
        return switch (unit.level()) {
            case PROVINCE -> districts ? Level.DISTRICT : Level.COMMUNE;
            case COMMUNE, DISTRICT, MARKET -> Level.MARKET;
        };
    }

    List<UnitMonth> children(Unit unit, YearMonth month, List<MarketMonth> markets, boolean districts) {
        Level child = childLevel(unit, districts);
        return UnitMonth.rollUp(child, month, markets, code -> unitName(child, code));
    }

    /** Units' names, kept once read: reference data that changes only when the unit files are reloaded. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    String unitName(Level level, String code) {
        if (code == null || code.isEmpty()) {
            return "—";
        }
        AdminUnit.Regime regime = level == Level.DISTRICT ? AdminUnit.Regime.PRE_2025 : AdminUnit.Regime.CURRENT;
        return names.computeIfAbsent(regime.dbValue() + ":" + code,
                k -> units.find(regime, code).map(AdminUnit::fullName).orElse(code));
    }

    /** The stalls of a market in the month, as they stood at its end (now for the running month). */
    List<StallRow> stalls(Unit market, YearMonth month) {
        java.time.Instant asOf = figures.asOf(month);
        LocalDate day = asOf.atZone(VnFormats.VIETNAM).toLocalDate();
        int threshold = figures.activeThreshold(market.provinceCode());
        return db.sql("""
                SELECT s.code, s.category, l.trader_id IS NOT NULL,
                       EXISTS (SELECT 1 FROM stall_qr_code q WHERE q.stall_id = s.id AND q.kind = 'STATIC'
                               AND q.created_at <= ? AND (q.revoked_at IS NULL OR q.revoked_at > ?)),
                       coalesce(k.payments_count + k.history_count, 0), coalesce(k.payments_value + k.history_value, 0)
                FROM stall s JOIN market m ON m.id = s.market_id
                LEFT JOIN LATERAL (SELECT trader_id FROM lease WHERE stall_id = s.id AND starts_on <= ?
                                   AND (ends_on IS NULL OR ends_on >= ?) ORDER BY starts_on DESC LIMIT 1) l ON true
                LEFT JOIN kpi_trader_month k ON k.market_id = s.market_id AND k.trader_id = l.trader_id AND k.month = ?
                WHERE m.code = ? ORDER BY s.code""")
                .params(Timestamp.from(asOf), Timestamp.from(asOf), java.sql.Date.valueOf(day), java.sql.Date.valueOf(day),
                        java.sql.Date.valueOf(month.atDay(1)), market.code())
                .query((rs, n) -> new StallRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(5) >= threshold)).list();
    }

    /** The targets of the province's plans, each read in its deadline's month once past, else now. */
    List<TargetRow> targets(Scope scope, String provinceCode) {
        return targets(scope, provinceCode, LocalDate.now(clock.withZone(VnFormats.VIETNAM)));
    }

    /** The same as they stood on {@code today} (a report's last day): read in its month or the deadline's. */
    List<TargetRow> targets(Scope scope, String provinceCode, LocalDate today) {
        Map<YearMonth, List<MarketMonth>> months = new HashMap<>();
        List<TargetRow> rows = new ArrayList<>();
        for (Plans.Plan plan : plans.inScope(scope)) {
            if (provinceCode != null && !plan.provinceCode().equals(provinceCode)) {
                continue;
            }
            List<Plans.PriorityMarket> listed = plans.priorityMarkets(plan.id());
            for (Plans.Target t : plans.targets(plan.id())) {
                boolean past = t.deadline().isBefore(today);
                YearMonth readIn = past ? YearMonth.from(t.deadline()) : YearMonth.from(today);
                if (t.issuedOnAfter(today, plan)) {
                    continue; // not issued yet on that day
                }
                YearMonth start = YearMonth.from(plan.issuedOn());
                Indicator.Actual actual = actual(t, plan, listed, months.computeIfAbsent(readIn,
                        m -> monthOf(plan.provinceCode(), m)));
                Indicator.Actual before = actual(t, plan, listed, months.computeIfAbsent(start,
                        m -> monthOf(plan.provinceCode(), m)));
                Double value = value(t, actual);
                Double startValue = value(t, before);
                TargetProgress progress = TargetProgress.evaluate(t.value(), t.deadline(), plan.issuedOn(),
                        startValue == null ? 0 : startValue, past ? t.deadline() : today, value, past);
                rows.add(new TargetRow(plan, t, actual, progress, readIn));
            }
        }
        return rows;
    }

    private static Double value(Plans.Target t, Indicator.Actual actual) {
        if (actual == null) {
            return null;
        }
        if (!t.percent()) {
            return (double) actual.part();
        }
        Double p = actual.percent();
        return p == null ? 0.0 : p;
    }

    private Indicator.Actual actual(Plans.Target t, Plans.Plan plan, List<Plans.PriorityMarket> listed,
                                   List<MarketMonth> all) {
        List<MarketMonth> inScope = switch (t.scope()) {
            case "COMMUNE" -> all.stream().filter(m -> t.scopeCode().equals(m.communeCode())).toList();
            case "PRIORITY" -> {
                java.util.Set<UUID> ids = new java.util.HashSet<>();
                listed.stream().filter(p -> t.priorityYear() != null && p.year() == t.priorityYear())
                        .forEach(p -> ids.add(p.marketId()));
                yield all.stream().filter(m -> ids.contains(m.marketId())).toList();
            }
            default -> all;
        };
        Optional<String> key = Optional.ofNullable(t.indicator().figureKey());
        if (key.isPresent() && !figures.recordedKeys().contains(key.get())) {
            return null;
        }
        return t.indicator().of(UnitMonth.of(Level.PROVINCE, plan.provinceCode(), "", YearMonth.now(clock), inScope));
    }
}
