package vn.cho40.teams;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.PhoneNumber;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * The log of every person a member helped. An entry is keyed by the id the phone gave it: sending it again (the
 * phone lost the answer, the queue replayed) returns the same row, so nothing is ever counted twice.
 */
@Service
public class Activities {

    /** The version of the consent a resident gives (Decree 13/2023), the text the trader module uses. */
    static final String CONSENT_VERSION = "ND13-2023-v1";

    private final JdbcClient db;
    private final Access access;
    private final Teams teams;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final Clock clock;

    Activities(JdbcClient db, Access access, Teams teams, AuditLog audit, FieldCipher cipher, Clock clock) {
        this.db = db;
        this.access = access;
        this.teams = teams;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record Activity(UUID id, UUID clientId, UUID memberId, String memberName, HelpKind kind, String appName,
                           String whom, String where, Instant doneAt, int minutes, boolean hasPhoto, String notes,
                           Instant createdAt) {
    }

    /** The answer to a submission: the entry, and whether this submission created it (false: already known). */
    public record Recorded(Activity activity, boolean created) {
    }

    public record Photo(byte[] bytes, String type) {
    }

    /** Records one entry of the current member, or returns the entry already recorded under its client id. */
    @Transactional
    public Recorded record(ActivityRules.Entry e, Photo photo) {
        CurrentUser user = access.requirePermission(Permission.TEAM_LOG);
        Teams.Member member = teams.memberOf(user.username())
                .orElseThrow(() -> new InvalidInputException(Violation.of("member", "teams.activity.notMember")));
        if (e.clientId() != null) {
            Optional<Activity> known = byClientId(e.clientId());
            if (known.isPresent()) {
                if (!known.get().memberId().equals(member.id())) {
                    throw new InvalidInputException(Violation.of("clientId", "teams.activity.clientId.taken"));
                }
                return new Recorded(known.get(), false);
            }
        }
        Instant now = clock.instant();
        List<Violation> problems = new ArrayList<>(ActivityRules.check(e, now));
        Place place = place(member, e, problems);
        if (photo != null && !ActivityRules.photoAcceptable(photo.bytes(), photo.type())) {
            problems.add(Violation.of("photo", "teams.activity.photo.invalid", ActivityRules.MAX_PHOTO_BYTES / 1024));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        String phone = e.residentName() == null || e.residentName().isBlank() ? null
                : PhoneNumber.normalize(e.residentPhone()).orElseThrow();
        int inserted = db.sql("""
                INSERT INTO tech_activity (id, client_id, member_id, team_id, province_code, commune_code, kind, app_name,
                    trader_id, resident_name, resident_phone_enc, resident_phone_last4, consent_at, consent_version,
                    market_id, village, done_at, minutes, photo, photo_type, notes, created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (client_id) DO NOTHING""")
                .params(id, e.clientId(), member.id(), member.teamId(), place.provinceCode, place.communeCode,
                        e.kind().name(), clean(e.appName()), e.traderId(), phone == null ? null : SearchText.clean(e.residentName()),
                        phone == null ? null : cipher.encrypt("phone", phone), phone == null ? null : Mask.last4Of(phone),
                        phone == null ? null : Timestamp.from(now), phone == null ? null : CONSENT_VERSION,
                        place.marketId, clean(e.village()), Timestamp.from(e.doneAt()), e.minutes(),
                        photo == null ? null : photo.bytes(), photo == null ? null : photo.type(), clean(e.notes()),
                        Timestamp.from(now), Timestamp.from(now), user.username())
                .update();
        if (inserted == 0) {
            // The same entry arrived twice at once: the other request stored it.
            return new Recorded(byClientId(e.clientId()).orElseThrow(), false);
        }
        audit.record("TEAM_ACTIVITY_RECORD", "tech_activity", id, place.marketId, place.provinceCode, e.kind().name());
        return new Recorded(get(id), true);
    }

    /**
     * A product a member put online for a trader's stall (the catalogue calls this when a member adds one): counted
     * as an e-commerce listing they helped with, once per product. Nothing when the user is not a team member.
     */
    @Transactional
    public void productOnline(UUID productId, String marketCode, UUID traderId, String productName) {
        boolean member = traderId != null && access.current().filter(u -> u.may(Permission.TEAM_LOG))
                .flatMap(u -> teams.memberOf(u.username())).isPresent();
        if (!member) {
            return;
        }
        String note = productName == null ? null : productName.length() > 200 ? productName.substring(0, 200) : productName;
        record(new ActivityRules.Entry(UUID.nameUUIDFromBytes(("product:" + productId).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), HelpKind.ECOMMERCE_LISTING, null, traderId, null, null,
                false, marketCode, null, clock.instant(), 15, note), null);
    }

    /** An entry this person may correct now (its author within 7 days, a commune officer any time), else refused. */
    public Activity toCorrect(UUID id) {
        correctable(id, access.require());
        return get(id);
    }

    private Row correctable(UUID id, CurrentUser user) {
        Row row = db.sql("""
                SELECT a.member_id, a.created_at, a.province_code, a.commune_code, a.market_id, m.staff_username
                FROM tech_activity a JOIN tech_member m ON m.id = a.member_id WHERE a.id = ?""")
                .param(id).query((rs, i) -> new Row(rs.getTimestamp("created_at").toInstant(), rs.getString("province_code"),
                        rs.getString("commune_code"), rs.getObject("market_id", UUID.class),
                        rs.getObject("member_id", UUID.class)))
                .optional().orElseThrow(() -> new NotFoundException("teams.activity.notFound", id));
        boolean officer = user.may(Permission.TEAM_MANAGE) && Teams.covers(user.scope(), row.provinceCode, row.communeCode);
        boolean author = teams.memberOf(user.username()).map(me -> me.id().equals(row.memberId)).orElse(false);
        if (!officer && !author) {
            throw new NotFoundException("teams.activity.notFound", id);
        }
        if (!ActivityRules.mayCorrect(author, officer, row.createdAt, clock.instant())) {
            throw new InvalidInputException(Violation.of("id", "teams.activity.correction.late"));
        }
        return row;
    }

    /** A correction of kind, time, duration or notes: the author within 7 days, later a commune officer. */
    @Transactional
    public Activity correct(UUID id, HelpKind kind, String appName, Instant doneAt, Integer minutes, String notes) {
        CurrentUser user = access.require();
        Row row = correctable(id, user);
        Instant now = clock.instant();
        Activity before = get(id);
        List<Violation> problems = ActivityRules.check(new ActivityRules.Entry(before.clientId(), kind, appName, null,
                "x", "0912345678", true, null, "x", doneAt, minutes, notes), now);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        db.sql("UPDATE tech_activity SET kind = ?, app_name = ?, done_at = ?, minutes = ?, notes = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(kind.name(), clean(appName), Timestamp.from(doneAt), minutes, clean(notes), Timestamp.from(now),
                        user.username(), id).update();
        audit.record("TEAM_ACTIVITY_CORRECT", "tech_activity", id, row.marketId, row.provinceCode,
                before.kind() + "→" + kind + ", " + before.minutes() + "→" + minutes + " min");
        return get(id);
    }

    /** The current member's own entries, newest first. */
    public List<Activity> mine(int limit) {
        CurrentUser user = access.requirePermission(Permission.TEAM_LOG);
        return teams.memberOf(user.username()).map(me -> db.sql(SELECT + " WHERE a.member_id = ? ORDER BY a.done_at DESC LIMIT ?")
                .params(me.id(), Math.min(limit, 200)).query(Activities::map).list()).orElse(List.of());
    }

    /** A team's entries: for its leader, or a manager of its commune. */
    public List<Activity> ofTeam(UUID teamId, int limit) {
        CurrentUser user = access.require();
        Teams.Team team = teams.get(teamId);
        boolean leader = teams.memberOf(user.username()).map(m -> m.teamId().equals(teamId) && m.leader()).orElse(false);
        if (!leader && !(user.may(Permission.TEAM_MANAGE) && Teams.covers(user.scope(), team))) {
            throw new NotFoundException("teams.notFound", teamId);
        }
        return db.sql(SELECT + " WHERE a.team_id = ? ORDER BY a.done_at DESC LIMIT ?")
                .params(teamId, Math.min(limit, 500)).query(Activities::map).list();
    }

    Activity get(UUID id) {
        return db.sql(SELECT + " WHERE a.id = ?").param(id).query(Activities::map).single();
    }

    Optional<Activity> byClientId(UUID clientId) {
        return db.sql(SELECT + " WHERE a.client_id = ?").param(clientId).query(Activities::map).optional();
    }

    /** The traders of the markets a member's team may log for (its commune's), for the picker. */
    public List<PickTrader> traders(String marketCode, String query) {
        CurrentUser user = access.requirePermission(Permission.TEAM_LOG);
        Teams.Member member = teams.memberOf(user.username())
                .orElseThrow(() -> new InvalidInputException(Violation.of("member", "teams.activity.notMember")));
        Teams.Team team = teams.get(member.teamId());
        String q = "%" + (SearchText.fold(query == null ? "" : query)) + "%";
        return db.sql("""
                SELECT t.id, t.full_name, t.phone_last4 FROM trader t JOIN market m ON m.id = t.market_id
                WHERE m.code = ? AND m.commune_code = ? AND (t.name_key LIKE ? OR t.phone_last4 = ?)
                ORDER BY t.full_name LIMIT 30""")
                .params(marketCode, team.communeCode(), q, query == null ? "" : query.strip())
                .query((rs, i) -> new PickTrader(rs.getObject(1, UUID.class), rs.getString(2), Mask.lastFour(rs.getString(3))))
                .list();
    }

    public record PickTrader(UUID id, String name, String phoneMasked) {
    }

    private record Place(UUID marketId, String provinceCode, String communeCode) {
    }

    /** Where the help was given: a market of the member's commune, or a village of it. Never another commune. */
    private Place place(Teams.Member member, ActivityRules.Entry e, List<Violation> problems) {
        Teams.Team team = teams.get(member.teamId());
        UUID marketId = null;
        if (e.marketCode() != null && !e.marketCode().isBlank()) {
            Optional<String[]> m = db.sql("SELECT id::text, commune_code FROM market WHERE code = ?").param(e.marketCode().strip())
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (m.isEmpty()) {
                problems.add(Violation.of("marketCode", "teams.activity.market.unknown"));
            } else if (!m.get()[1].equals(team.communeCode())) {
                problems.add(Violation.of("marketCode", "teams.activity.market.otherCommune"));
            } else {
                marketId = UUID.fromString(m.get()[0]);
            }
        }
        if (e.traderId() != null) {
            Optional<String> communeOfTrader = db.sql("SELECT m.commune_code FROM trader t JOIN market m ON m.id = t.market_id WHERE t.id = ?")
                    .param(e.traderId()).query(String.class).optional();
            if (communeOfTrader.isEmpty() || !communeOfTrader.get().equals(team.communeCode())) {
                problems.add(Violation.of("traderId", "teams.activity.trader.otherCommune"));
            }
        }
        return new Place(marketId, team.provinceCode(), team.communeCode());
    }

    private static final String SELECT = """
            SELECT a.id, a.client_id, a.member_id, m.full_name AS member_name, a.kind, a.app_name, a.trader_id,
                   tr.full_name AS trader_name, a.resident_name, a.resident_phone_last4, mk.name AS market_name,
                   a.village, a.done_at, a.minutes, a.photo IS NOT NULL AS has_photo, a.notes, a.created_at
            FROM tech_activity a JOIN tech_member m ON m.id = a.member_id
            LEFT JOIN trader tr ON tr.id = a.trader_id LEFT JOIN market mk ON mk.id = a.market_id
            """;

    private static Activity map(ResultSet rs, int i) throws SQLException {
        String whom = rs.getString("trader_name") != null ? rs.getString("trader_name")
                : rs.getString("resident_name") + " (" + Mask.lastFour(rs.getString("resident_phone_last4")) + ")";
        String where = rs.getString("market_name") != null ? rs.getString("market_name") : rs.getString("village");
        return new Activity(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getObject("member_id", UUID.class), rs.getString("member_name"), HelpKind.valueOf(rs.getString("kind")),
                rs.getString("app_name"), whom, where, rs.getTimestamp("done_at").toInstant(), rs.getInt("minutes"),
                rs.getBoolean("has_photo"), rs.getString("notes"), rs.getTimestamp("created_at").toInstant());
    }

    private record Row(Instant createdAt, String provinceCode, String communeCode, UUID marketId, UUID memberId) {
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
