package vn.cho40.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.market.Market;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.Violation;

/**
 * The facts a stall's bill needs beyond its area: position class, covered or not, fixed or non-fixed seller, and the
 * charges it is billed (electricity follows its meter). A stall without a profile is billed as covered, fixed, rent
 * and cleaning: the billing run's defaults, shown as such.
 */
@Service
public class StallFeeProfiles {

    /** Charges a board ticks for a stall; electricity is billed wherever a meter hangs, so it is not ticked. */
    static final List<Charge> TICKABLE = Arrays.stream(Charge.values()).filter(c -> c != Charge.ELECTRICITY).toList();

    /** A stall as the fee register shows it, with the meters in use and whether its profile is only the default. */
    public record Row(UUID stallId, String stallCode, BigDecimal areaM2, String positionClass, boolean covered,
                      String seller, List<Charge> charges, boolean defaults, List<String> meters, String traderName) {

        /** The charges the stall's meters bill ("ELECTRICITY PX-1" → electricity), besides the ticked ones. */
        public List<Charge> metered() {
            return meters == null ? List.of() : meters.stream().map(m -> m.substring(0, m.indexOf(' ')))
                    .distinct().map(Charge::valueOf).toList();
        }
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    StallFeeProfiles(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String SELECT = """
            SELECT s.id, s.code, s.area_m2, p.position_class, coalesce(p.covered, true), coalesce(p.seller, 'FIXED'),
                   p.charges, p.stall_id IS NULL,
                   (SELECT array_agg(m.kind || ' ' || m.serial ORDER BY m.kind, m.installed_on) FROM meter m
                    WHERE m.stall_id = s.id AND m.removed_on IS NULL),
                   (SELECT t.full_name FROM lease l JOIN trader t ON t.id = l.trader_id
                    WHERE l.stall_id = s.id AND l.ends_on IS NULL LIMIT 1)
            FROM stall s LEFT JOIN stall_fee_profile p ON p.stall_id = s.id
            """;

    public List<Row> ofMarket(UUID marketId) {
        return db.sql(SELECT + " WHERE s.market_id = ? ORDER BY " + Bills.STALL_ORDER).param(marketId)
                .query(StallFeeProfiles::map)
                .list();
    }

    /** One page of the register in walking order, searched by stall code or the name of the trader holding it. */
    public vn.cho40.shared.ListPage<Row> page(UUID marketId, String query, int requested) {
        List<Object> params = new ArrayList<>(List.of(marketId));
        String where = " WHERE s.market_id = ?" + StallSearch.where(query, """
                (SELECT string_agg(t.name_key, ' ') FROM lease l JOIN trader t ON t.id = l.trader_id
                 WHERE l.stall_id = s.id AND l.ends_on IS NULL)""", params);
        long total = db.sql("SELECT count(*) FROM stall s" + where).params(params).query(Long.class).single();
        int size = vn.cho40.shared.ListPage.SIZE;
        int number = vn.cho40.shared.ListPage.clamp(requested, total, size);
        params.add(size);
        params.add(vn.cho40.shared.ListPage.offset(number, size));
        return new vn.cho40.shared.ListPage<>(db.sql(SELECT + where + " ORDER BY " + Bills.STALL_ORDER + " LIMIT ? OFFSET ?")
                .params(params).query(StallFeeProfiles::map).list(), number, size, total);
    }

    /** The market a stall belongs to, to check who may see it before anything else. */
    public java.util.Optional<UUID> marketOf(UUID stallId) {
        return db.sql("SELECT market_id FROM stall WHERE id = ?").param(stallId).query(UUID.class).optional();
    }

    public Row get(Market market, UUID stallId) {
        return db.sql(SELECT + " WHERE s.market_id = ? AND s.id = ?").params(market.id(), stallId)
                .query(StallFeeProfiles::map).optional()
                .orElseThrow(() -> new NotFoundException("billing.stall.notFound", stallId));
    }

    /** Saves a stall's facts; a bill already issued keeps what it was issued with. */
    @Transactional
    public Row save(Market market, UUID stallId, String positionClass, boolean covered, String seller,
                    List<String> chargeNames, String by) {
        Row before = get(market, stallId);
        List<Violation> problems = new ArrayList<>();
        String position = positionClass == null ? "" : positionClass.strip().toUpperCase(java.util.Locale.ROOT);
        if (!position.isEmpty() && !position.matches("[A-Z0-9]{1,10}")) {
            problems.add(Violation.of("positionClass", "billing.rate.positionClass"));
        }
        if (!"FIXED".equals(seller) && !"NON_FIXED".equals(seller)) {
            problems.add(Violation.of("seller", "billing.stall.seller"));
        }
        Set<Charge> charges = new LinkedHashSet<>();
        for (String name : chargeNames == null ? List.<String>of() : chargeNames) {
            TICKABLE.stream().filter(c -> c.name().equals(name)).findFirst().ifPresentOrElse(charges::add,
                    () -> problems.add(Violation.of("charges", "billing.stall.charge", name)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        db.sql("""
                INSERT INTO stall_fee_profile (stall_id, market_id, position_class, covered, seller, charges, updated_at,
                    updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (stall_id) DO UPDATE SET position_class = excluded.position_class, covered = excluded.covered,
                    seller = excluded.seller, charges = excluded.charges, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .params(stallId, market.id(), position.isEmpty() ? null : position, covered, seller,
                        charges.stream().map(Enum::name).toArray(String[]::new), Timestamp.from(clock.instant()), by)
                .update();
        Row after = get(market, stallId);
        audit.record("STALL_FEE_PROFILE", "stall", stallId, market.id(), market.provinceCode(), before.stallCode() + ": "
                + describe(before) + " → " + describe(after));
        return after;
    }

    private static String describe(Row r) {
        return (r.positionClass() == null ? "-" : r.positionClass()) + "/" + (r.covered() ? "mái che" : "không mái")
                + "/" + r.seller() + "/" + r.charges();
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Array charges = rs.getArray(7);
        List<Charge> list = charges == null ? List.of(Charge.RENT, Charge.CLEANING)
                : Arrays.stream((String[]) charges.getArray()).map(Charge::valueOf).toList();
        java.sql.Array meters = rs.getArray(9);
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                rs.getBoolean(5), rs.getString(6), list, rs.getBoolean(8),
                meters == null ? List.of() : List.of((String[]) meters.getArray()), rs.getString(10));
    }
}
