package vn.cho40.vietqr;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.market.Market;
import vn.cho40.market.Stall;
import vn.cho40.shared.Ids;
import vn.cho40.shared.NotFoundException;
import vn.cho40.trader.StallAccounts;

/**
 * Checks that the code on a stall's sign pays the stall's registered account: a sticker pasted over it by
 * a fraudster (SWAP), a stale sign after an account change (REVOKED), something that is not VietQR at all.
 */
@Service
public class Inspections {

    public enum Outcome {
        OK(0), NO_ACCOUNT(1), NOT_VIETQR(2), REVOKED(3), SWAP(4);

        private final int severity;

        Outcome(int severity) {
            this.severity = severity;
        }

        /** How bad a finding is: a round reports each stall by its worst check. */
        public int severity() {
            return severity;
        }
    }

    public record Round(UUID id, UUID marketId, String marketCode, String marketName, String startedBy,
                        Instant startedAt, Instant finishedAt) {
    }

    public record Check(String stallCode, Outcome outcome, String detail, String checkedBy, Instant checkedAt) {
    }

    private final JdbcClient db;
    private final StallAccounts accounts;
    private final StallCodes codes;
    private final AuditLog audit;
    private final Clock clock;

    Inspections(JdbcClient db, StallAccounts accounts, StallCodes codes, AuditLog audit, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Judges one scanned payload against the stall's registered account. Pure except for the lookups. */
    public Outcome judge(Stall stall, String payload, StringBuilder detail) {
        Decoded decoded = VietQr.decode(payload);
        if (decoded instanceof Decoded.Invalid invalid) {
            detail.append(invalid.reason());
            return Outcome.NOT_VIETQR;
        }
        VietQrPayload p = ((Decoded.Valid) decoded).payload();
        detail.append(StallCodes.bankName(p.bin())).append(" •••• ")
                .append(p.account().substring(Math.max(0, p.account().length() - 4)));
        if (accounts.defaultFor(stall.id()).isEmpty()) {
            return Outcome.NO_ACCOUNT;
        }
        if (accounts.isDefault(stall.id(), p.bin(), p.account())) {
            return Outcome.OK;
        }
        return codes.wasRevokedFor(stall.id(), p.bin(), p.account()) ? Outcome.REVOKED : Outcome.SWAP;
    }

    @Transactional
    public Round start(Market market, String by) {
        UUID id = Ids.newId(clock);
        db.sql("INSERT INTO inspection_round (id, market_id, started_by, started_at) VALUES (?, ?, ?, ?)")
                .params(id, market.id(), by, Timestamp.from(clock.instant())).update();
        return round(id);
    }

    /** Records a check (in a round, or a trader's self-check without one) and returns its outcome. */
    @Transactional
    public Outcome check(UUID roundId, Market market, Stall stall, String payload, String by) {
        StringBuilder detail = new StringBuilder();
        Outcome outcome = judge(stall, payload, detail);
        db.sql("""
                INSERT INTO inspection_check (id, round_id, market_id, stall_id, outcome, detail, checked_by, checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), roundId, market.id(), stall.id(), outcome.name(), detail.toString(), by,
                        Timestamp.from(clock.instant()))
                .update();
        if (outcome == Outcome.SWAP || outcome == Outcome.REVOKED) {
            audit.record("QR_" + outcome, "stall", stall.code(), market.id(), market.provinceCode(), detail.toString());
        }
        return outcome;
    }

    public Round round(UUID id) {
        return db.sql("""
                SELECT r.*, m.code, m.name FROM inspection_round r JOIN market m ON m.id = r.market_id WHERE r.id = ?""")
                .param(id)
                .query(Inspections::mapRound)
                .optional().orElseThrow(() -> new NotFoundException("inspection.notFound", id));
    }

    public List<Round> rounds(vn.cho40.identity.Scope scope) {
        var f = scope.sql();
        return db.sql("""
                SELECT r.*, m.code, m.name FROM inspection_round r JOIN market m ON m.id = r.market_id
                WHERE %s ORDER BY r.started_at DESC LIMIT 50""".formatted(f.condition()))
                .params(f.params())
                .query(Inspections::mapRound)
                .list();
    }

    private static Round mapRound(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Round(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class), rs.getString("code"),
                rs.getString("name"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    public List<Check> checks(UUID roundId) {
        return db.sql("""
                SELECT s.code, c.outcome, c.detail, c.checked_by, c.checked_at FROM inspection_check c
                JOIN stall s ON s.id = c.stall_id WHERE c.round_id = ? ORDER BY c.checked_at""")
                .param(roundId)
                .query((rs, n) -> new Check(rs.getString(1), Outcome.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Transactional
    public void finish(UUID roundId) {
        db.sql("UPDATE inspection_round SET finished_at = ? WHERE id = ? AND finished_at IS NULL")
                .params(Timestamp.from(clock.instant()), roundId).update();
    }
}
