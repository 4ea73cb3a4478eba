package vn.cho40.teams;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Scope;
import vn.cho40.shared.VnFormats;

/**
 * The teams' results per month: people helped by kind, traders onboarded through the wizard by a member's staff
 * login, and how many of those traders became active (a matched cashless payment within 30 days of onboarding: the
 * team's effect, not only its effort; before the platform recorded any payment of the market, whose months are
 * known only as imported monthly counts, a payment in the month of onboarding or the next). Months are Vietnamese calendar months. Reads payments and the rollout's per-trader month
 * counts in SQL only.
 */
@Service
public class TeamResults {

    /** A trader counts as active after a cashless payment within this many days of onboarding. */
    static final int ACTIVE_WITHIN_DAYS = 30;

    public enum Level { MEMBER, TEAM, COMMUNE, PROVINCE }

    public record Row(YearMonth month, String key, String label, String communeCode, Map<HelpKind, Long> helpedByKind,
                      long onboarded, long becameActive) {

        public long helped() {
            return helpedByKind.values().stream().mapToLong(Long::longValue).sum();
        }

        public long helpedOf(String kind) {
            return helpedByKind.getOrDefault(HelpKind.valueOf(kind), 0L);
        }
    }

    private final JdbcClient db;

    TeamResults(JdbcClient db) {
        this.db = db;
    }

    private static String keyOf(Level level) {
        return switch (level) {
            case MEMBER -> "m.id::text";
            case TEAM -> "t.id::text";
            case COMMUNE -> "t.commune_code";
            case PROVINCE -> "t.province_code";
        };
    }

    private static String labelOf(Level level) {
        return switch (level) {
            case MEMBER -> "min(m.full_name)";
            case TEAM -> "min(t.name)";
            case COMMUNE, PROVINCE -> "min(u.name)";
        };
    }

    private static String unitJoin(Level level) {
        return switch (level) {
            case PROVINCE -> " LEFT JOIN admin_unit u ON u.regime = '2025' AND u.code = t.province_code";
            default -> " LEFT JOIN admin_unit u ON u.regime = '2025' AND u.code = t.commune_code";
        };
    }

    /** Results inside a scope, months from..to (inclusive), one row per unit of the level and month. */
    public List<Row> results(Scope scope, Level level, YearMonth from, YearMonth to) {
        Teams.Filter f = Teams.filter(scope);
        Timestamp start = Timestamp.from(from.atDay(1).atStartOfDay(VnFormats.VIETNAM).toInstant());
        Timestamp end = Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(VnFormats.VIETNAM).toInstant());
        String key = keyOf(level);
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>(f.params());
        params.add(start);
        params.add(end);
        db.sql("SELECT to_char(a.done_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, " + key + " AS k, "
                        + labelOf(level) + " AS label, min(t.commune_code) AS commune, a.kind, count(*) AS n"
                        + " FROM tech_activity a JOIN tech_member m ON m.id = a.member_id JOIN tech_team t ON t.id = a.team_id"
                        + unitJoin(level) + " WHERE " + f.sql() + " AND a.done_at >= ? AND a.done_at < ?"
                        + " GROUP BY 1, 2, a.kind ORDER BY 1, 2")
                .params(params).query((rs, i) -> {
                    Row r = rows.computeIfAbsent(rs.getString("month") + "|" + rs.getString("k"),
                            x -> newRow(rs, level));
                    r.helpedByKind().merge(HelpKind.valueOf(rs.getString("kind")), rs.getLong("n"), Long::sum);
                    return null;
                }).list();
        db.sql("SELECT to_char(o.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, " + key + " AS k, "
                        + labelOf(level) + " AS label, min(t.commune_code) AS commune, count(*) AS onboarded,"
                        + " count(*) FILTER (WHERE EXISTS (SELECT 1 FROM payment_event p WHERE p.trader_id = o.trader_id"
                        + "   AND p.status = 'MATCHED' AND p.direction = 'CREDIT' AND p.booked_at >= o.completed_at"
                        + "   AND p.booked_at < o.completed_at + make_interval(days => " + ACTIVE_WITHIN_DAYS + "))"
                        // Before the platform recorded any payment of the market, its months are known only as
                        // imported monthly counts: a payment in the month of onboarding or the next stands for
                        // "within 30 days".
                        + "   OR (o.completed_at < coalesce((SELECT min(p.booked_at) FROM payment_event p"
                        + "     WHERE p.market_id = o.market_id), 'infinity')"
                        + "   AND EXISTS (SELECT 1 FROM kpi_trader_month k WHERE k.market_id = o.market_id"
                        + "   AND k.trader_id = o.trader_id AND k.history_count > 0 AND k.month IN ("
                        + "     date_trunc('month', o.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,"
                        + "     (date_trunc('month', o.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '1 month')::date))))"
                        + " AS active"
                        // the wizard names its user: a staff login, or member:<id> after a phone login
                        + " FROM onboarding o JOIN tech_member m ON (m.staff_username = o.started_by"
                        + "   OR o.started_by = 'member:' || m.id::text)"
                        + " JOIN tech_team t ON t.id = m.team_id" + unitJoin(level)
                        + " WHERE " + f.sql() + " AND o.completed_at >= ? AND o.completed_at < ? AND o.trader_id IS NOT NULL"
                        + "   AND (o.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= m.from_on"
                        + "   AND (m.to_on IS NULL OR (o.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= m.to_on)"
                        + " GROUP BY 1, 2 ORDER BY 1, 2")
                .params(params).query((rs, i) -> {
                    String k = rs.getString("month") + "|" + rs.getString("k");
                    Row r = rows.computeIfAbsent(k, x -> newRow(rs, level));
                    rows.put(k, new Row(r.month(), r.key(), r.label(), r.communeCode(), r.helpedByKind(),
                            r.onboarded() + rs.getLong("onboarded"), r.becameActive() + rs.getLong("active")));
                    return null;
                }).list();
        return rows.values().stream().sorted(java.util.Comparator.comparing(Row::month).thenComparing(Row::label,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
    }

    /**
     * Teams of each commune ranked for a month: by traders who became active, then traders onboarded, then people
     * helped. Returns rows in rank order within each commune.
     */
    public List<Row> ranking(Scope scope, YearMonth month) {
        return results(scope, Level.TEAM, month, month).stream()
                .sorted(java.util.Comparator.comparing(Row::communeCode)
                        .thenComparing(Row::becameActive, java.util.Comparator.reverseOrder())
                        .thenComparing(Row::onboarded, java.util.Comparator.reverseOrder())
                        .thenComparing(Row::helped, java.util.Comparator.reverseOrder()))
                .toList();
    }

    /** Open data: per commune and month, counts only; never a person. */
    public record OpenRow(String month, String provinceCode, String communeCode, String communeName, long teams,
                          long activeMembers, long helped, long bankAccounts, long appsInstalled, long stallQr,
                          long taughtQr, long publicServices, long ecommerce, long other, long tradersOnboarded,
                          long tradersActive) {
    }

    public List<OpenRow> openData(String provinceCode, YearMonth from, YearMonth to) {
        Scope scope = provinceCode == null || provinceCode.isBlank() ? Scope.national()
                : Scope.of(Scope.Kind.PROVINCE, provinceCode);
        Map<String, long[]> sizes = new LinkedHashMap<>();
        Teams.Filter f = Teams.filter(scope);
        db.sql("SELECT t.commune_code, count(DISTINCT t.id), count(m.id) FILTER (WHERE m.active) FROM tech_team t"
                        + " LEFT JOIN tech_member m ON m.team_id = t.id WHERE " + f.sql() + " GROUP BY 1")
                .params(f.params()).query((rs, i) -> sizes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        List<OpenRow> out = new ArrayList<>();
        for (Row r : results(scope, Level.COMMUNE, from, to)) {
            long[] size = sizes.getOrDefault(r.key(), new long[2]);
            String province = db.sql("SELECT parent_code FROM admin_unit WHERE regime = '2025' AND code = ?")
                    .param(r.key()).query(String.class).optional().orElse("");
            out.add(new OpenRow(r.month().toString(), province, r.key(), r.label(), size[0], size[1], r.helped(),
                    r.helpedOf("BANK_ACCOUNT"), r.helpedOf("INSTALL_APP"), r.helpedOf("STALL_QR"), r.helpedOf("TEACH_QR"),
                    r.helpedOf("PUBLIC_SERVICES"), r.helpedOf("ECOMMERCE_LISTING"), r.helpedOf("OTHER"), r.onboarded(),
                    r.becameActive()));
        }
        return out;
    }

    private static Row newRow(java.sql.ResultSet rs, Level level) {
        try {
            return new Row(YearMonth.parse(rs.getString("month")), rs.getString("k"), rs.getString("label"),
                    rs.getString("commune"), new EnumMap<>(HelpKind.class), 0, 0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static YearMonth monthOf(LocalDate d) {
        return YearMonth.from(d);
    }
}
