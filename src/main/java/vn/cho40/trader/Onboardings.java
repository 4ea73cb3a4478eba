package vn.cho40.trader;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.Ids;
import vn.cho40.shared.NotFoundException;

/** Onboarding rows: where each half-finished onboarding stands, so anyone in scope can resume it. */
@Service
public class Onboardings {

    private static final String SELECT = """
            SELECT o.*, m.code AS market_code, m.name AS market_name, t.full_name
            FROM onboarding o JOIN market m ON m.id = o.market_id LEFT JOIN trader t ON t.id = o.trader_id
            """;

    private final JdbcClient db;
    private final Markets markets;
    private final Access access;
    private final Clock clock;

    Onboardings(JdbcClient db, Markets markets, Access access, Clock clock) {
        this.db = db;
        this.markets = markets;
        this.access = access;
        this.clock = clock;
    }

    public Onboarding start(Market market, UUID existingTraderId, Onboarding.Step firstStep) {
        CurrentUser user = access.requirePermission(Permission.TRADER_EDIT);
        UUID id = Ids.newId(clock);
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("""
                INSERT INTO onboarding (id, market_id, trader_id, step, started_by, started_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, market.id(), existingTraderId, firstStep.name(), user.username(), now, now).update();
        return get(id);
    }

    /** An onboarding in the user's scope (its market), or not found. */
    public Onboarding get(UUID id) {
        Onboarding o = db.sql(SELECT + " WHERE o.id = ?").param(id).query(Onboardings::map).optional()
                .orElseThrow(() -> new NotFoundException("onboarding.notFound", id));
        markets.forStaff(o.marketCode(), Permission.TRADER_EDIT);
        return o;
    }

    public void advance(UUID id, UUID traderId, Onboarding.Step step) {
        db.sql("""
                UPDATE onboarding SET trader_id = coalesce(?, trader_id), step = ?, updated_at = ?,
                    completed_at = CASE WHEN ? = 'DONE' THEN ? ELSE completed_at END WHERE id = ?""")
                .params(traderId, step.name(), Timestamp.from(clock.instant()), step.name(),
                        Timestamp.from(clock.instant()), id)
                .update();
    }

    /** Unfinished onboardings in the user's scope, newest first. */
    public List<Onboarding> unfinished() {
        CurrentUser user = access.requirePermission(Permission.TRADER_EDIT);
        var f = user.scope().sql();
        return db.sql(SELECT + " WHERE o.completed_at IS NULL AND " + f.condition() + " ORDER BY o.updated_at DESC LIMIT 50")
                .params(f.params()).query(Onboardings::map).list();
    }

    /** Stalls of a market nobody leases today, for the stall step. */
    public List<String> freeStalls(Market market) {
        return db.sql("SELECT s.code FROM stall s WHERE s.market_id = ? AND " + TraderRepository.FREE_ON_DAY
                        + " ORDER BY split_part(s.code, '-', 1), length(s.code), s.code LIMIT 500")
                .params(market.id(), vn.cho40.shared.VnFormats.businessDate(clock.instant()))
                .query(String.class).list();
    }

    private static Onboarding map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp done = rs.getTimestamp("completed_at");
        return new Onboarding(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                rs.getString("market_code"), rs.getString("market_name"), rs.getObject("trader_id", UUID.class),
                rs.getString("full_name"), Onboarding.Step.valueOf(rs.getString("step")), rs.getString("started_by"),
                rs.getTimestamp("updated_at").toInstant(), done == null ? null : done.toInstant());
    }
}
