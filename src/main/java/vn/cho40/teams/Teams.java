package vn.cho40.teams;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
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
import vn.cho40.identity.Scope;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.PhoneNumber;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * The registry: teams per 2025 commune, their members and the markets they cover. Commune officers keep their
 * commune's teams, a province admin all of the province's; anything outside the user's area does not exist.
 * Members' phones are encrypted, shown masked, and read in full only through {@link #revealPhone} (audited).
 */
@Service
public class Teams {

    private final JdbcClient db;
    private final Access access;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final Clock clock;

    Teams(JdbcClient db, Access access, AuditLog audit, FieldCipher cipher, Clock clock) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record Team(UUID id, String provinceCode, String communeCode, String communeName, String village,
                       String name, LocalDate foundedOn, int activeMembers) {
    }

    public record Member(UUID id, UUID teamId, String fullName, String phoneMasked, String organisation,
                         boolean leader, boolean active, LocalDate fromOn, LocalDate toOn, String staffUsername) {
    }

    public record NewTeam(String communeCode, String village, String name, LocalDate foundedOn,
                          List<String> marketCodes) {
    }

    public record NewMember(String fullName, String phone, String organisation, boolean leader, LocalDate fromOn,
                            String staffUsername) {
    }

    private static final String TEAM_SELECT = """
            SELECT t.*, u.name AS commune_name,
                   (SELECT count(*) FROM tech_member x WHERE x.team_id = t.id AND x.active) AS active_members
            FROM tech_team t LEFT JOIN admin_unit u ON u.regime = '2025' AND u.code = t.commune_code
            """;

    /** Teams inside the user's area, by commune and name. */
    public List<Team> inScope() {
        CurrentUser user = access.requirePermission(Permission.TEAM_MANAGE);
        Filter f = filter(user.scope());
        return db.sql(TEAM_SELECT + " WHERE " + f.sql + " ORDER BY t.commune_code, t.name").params(f.params)
                .query(Teams::team).list();
    }

    /** A team in the user's area (managers) or the member's own team, or not found. */
    public Team get(UUID id) {
        CurrentUser user = access.require();
        Team t = db.sql(TEAM_SELECT + " WHERE t.id = ?").param(id).query(Teams::team).optional()
                .orElseThrow(() -> new NotFoundException("teams.notFound", id));
        boolean manager = user.may(Permission.TEAM_MANAGE) && covers(user.scope(), t);
        boolean ownTeam = memberOf(user.username()).map(m -> m.teamId().equals(id)).orElse(false);
        if (!manager && !ownTeam) {
            throw new NotFoundException("teams.notFound", id);
        }
        return t;
    }

    @Transactional
    public Team create(NewTeam n) {
        CurrentUser user = access.requirePermission(Permission.TEAM_MANAGE);
        List<Violation> problems = new ArrayList<>();
        String commune = n.communeCode() == null ? "" : n.communeCode().strip();
        Optional<String> province = db.sql("SELECT parent_code FROM admin_unit WHERE regime = '2025' AND code = ? AND level = 'commune'")
                .param(commune).query(String.class).optional();
        if (province.isEmpty()) {
            problems.add(Violation.of("communeCode", "teams.commune.unknown"));
        } else if (!covers(user.scope(), province.get(), commune)) {
            problems.add(Violation.of("communeCode", "teams.commune.outside"));
        }
        String name = SearchText.clean(n.name());
        if (name == null || name.length() < 2 || name.length() > 120) {
            problems.add(Violation.of("name", "teams.name.invalid"));
        }
        if (n.foundedOn() == null || n.foundedOn().isAfter(LocalDate.now(clock.withZone(vn.cho40.shared.VnFormats.VIETNAM)))) {
            problems.add(Violation.of("foundedOn", "teams.foundedOn.invalid"));
        }
        List<UUID> marketIds = new ArrayList<>();
        for (String code : n.marketCodes() == null ? List.<String>of() : n.marketCodes()) {
            if (code == null || code.isBlank()) {
                continue;
            }
            Optional<UUID> m = db.sql("SELECT id FROM market WHERE code = ? AND commune_code = ?")
                    .params(code.strip(), commune).query(UUID.class).optional();
            if (m.isEmpty()) {
                problems.add(Violation.of("marketCodes", "teams.market.notInCommune", code.strip()));
            } else {
                marketIds.add(m.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO tech_team (id, province_code, commune_code, village, name, founded_on, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, province.get(), commune, SearchText.clean(n.village()), name, Date.valueOf(n.foundedOn()),
                        Timestamp.from(clock.instant()), user.username()).update();
        for (UUID m : marketIds) {
            db.sql("INSERT INTO tech_team_market (team_id, market_id) VALUES (?, ?)").params(id, m).update();
        }
        audit.record("TEAM_CREATE", "tech_team", id, null, province.get(), name + " · " + commune);
        return get(id);
    }

    @Transactional
    public Member addMember(UUID teamId, NewMember n) {
        access.requirePermission(Permission.TEAM_MANAGE);
        Team team = get(teamId);
        List<Violation> problems = new ArrayList<>();
        String name = SearchText.clean(n.fullName());
        if (name == null || name.length() < 2 || name.length() > 100 || !name.matches("[\\p{L} .'-]+")) {
            problems.add(Violation.of("fullName", "teams.member.name.invalid"));
        }
        Optional<String> phone = PhoneNumber.normalize(n.phone());
        if (phone.isEmpty()) {
            problems.add(Violation.of("phone", "teams.member.phone.invalid"));
        }
        String org = SearchText.clean(n.organisation());
        if (org == null || org.isEmpty() || org.length() > 80) {
            problems.add(Violation.of("organisation", "teams.member.organisation.missing"));
        }
        if (n.fromOn() == null) {
            problems.add(Violation.of("fromOn", "teams.member.fromOn.missing"));
        }
        String staff = n.staffUsername() == null || n.staffUsername().isBlank() ? null : n.staffUsername().strip();
        if (staff != null) {
            Optional<String[]> account = db.sql("SELECT role, scope_kind, scope_code FROM staff_user WHERE username = ?")
                    .param(staff).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .optional();
            if (account.isEmpty() || !account.get()[0].equals("TECH_MEMBER")) {
                problems.add(Violation.of("staffUsername", "teams.member.staff.notTechMember"));
            } else if (!("COMMUNE".equals(account.get()[1]) && team.communeCode().equals(account.get()[2]))) {
                problems.add(Violation.of("staffUsername", "teams.member.staff.otherCommune"));
            } else if (memberOf(staff).isPresent()) {
                problems.add(Violation.of("staffUsername", "teams.member.staff.taken"));
            }
        }
        if (n.leader() && db.sql("SELECT count(*) FROM tech_member WHERE team_id = ? AND leader").param(teamId)
                .query(Long.class).single() > 0) {
            problems.add(Violation.of("leader", "teams.member.leader.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO tech_member (id, team_id, full_name, phone_enc, phone_hash, phone_last4, organisation,
                    leader, active, from_on, staff_username, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""")
                .params(id, teamId, name, cipher.encrypt("phone", phone.get()), cipher.index("phone", phone.get()),
                        Mask.last4Of(phone.get()), org, n.leader(), Date.valueOf(n.fromOn()), staff,
                        Timestamp.from(clock.instant())).update();
        audit.record("TEAM_MEMBER_ADD", "tech_member", id, null, team.provinceCode(), name + " · " + team.name());
        return member(id).orElseThrow();
    }

    /** Ends a membership (from then on the member may log nothing); the history stays. */
    @Transactional
    public void endMember(UUID memberId, LocalDate toOn) {
        access.requirePermission(Permission.TEAM_MANAGE);
        Member m = member(memberId).orElseThrow(() -> new NotFoundException("teams.member.notFound", memberId));
        Team team = get(m.teamId());
        if (toOn == null || toOn.isBefore(m.fromOn())) {
            throw new InvalidInputException(Violation.of("toOn", "teams.member.toOn.invalid"));
        }
        db.sql("UPDATE tech_member SET active = false, to_on = ?, leader = false WHERE id = ?")
                .params(Date.valueOf(toOn), memberId).update();
        audit.record("TEAM_MEMBER_END", "tech_member", memberId, null, team.provinceCode(), m.fullName());
    }

    public List<Member> members(UUID teamId) {
        get(teamId);
        return db.sql("SELECT * FROM tech_member WHERE team_id = ? ORDER BY leader DESC, active DESC, full_name")
                .param(teamId).query(Teams::member).list();
    }

    /** A member's phone in full, for a manager of their area; audited in the same transaction. */
    @Transactional
    public String revealPhone(UUID memberId) {
        access.requirePermission(Permission.PERSONAL_DATA_UNMASK);
        Member m = member(memberId).orElseThrow(() -> new NotFoundException("teams.member.notFound", memberId));
        Team team = get(m.teamId());
        byte[] enc = db.sql("SELECT phone_enc FROM tech_member WHERE id = ?").param(memberId).query(byte[].class).single();
        audit.record("PERSONAL_DATA_READ", "tech_member", memberId, null, team.provinceCode(), "phone");
        return cipher.decrypt("phone", enc);
    }

    public List<String> marketCodes(UUID teamId) {
        return db.sql("SELECT m.code FROM tech_team_market tm JOIN market m ON m.id = tm.market_id WHERE tm.team_id = ? ORDER BY m.code")
                .param(teamId).query(String.class).list();
    }

    /** The active membership linked to a staff login, if any. */
    /** The active member a session belongs to: by staff login, or {@code member:<id>} after a phone login. */
    public Optional<Member> memberOf(String username) {
        if (username != null && username.startsWith(vn.cho40.identity.MemberDirectory.USERNAME_PREFIX)) {
            try {
                UUID id = UUID.fromString(username.substring(vn.cho40.identity.MemberDirectory.USERNAME_PREFIX.length()));
                return db.sql("SELECT * FROM tech_member WHERE id = ? AND active").param(id).query(Teams::member)
                        .optional();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return db.sql("SELECT * FROM tech_member WHERE staff_username = ? AND active").param(username)
                .query(Teams::member).optional();
    }

    Optional<Member> member(UUID id) {
        return db.sql("SELECT * FROM tech_member WHERE id = ?").param(id).query(Teams::member).optional();
    }

    static boolean covers(Scope scope, Team t) {
        return covers(scope, t.provinceCode(), t.communeCode());
    }

    static boolean covers(Scope scope, String provinceCode, String communeCode) {
        return switch (scope.kind()) {
            case NATIONAL -> true;
            case PROVINCE -> scope.code().equals(provinceCode);
            case COMMUNE -> scope.code().equals(communeCode);
            default -> false;
        };
    }

    record Filter(String sql, List<Object> params) {
    }

    /** Rows of an alias {@code t} carrying province_code and commune_code inside the scope. */
    static Filter filter(Scope scope) {
        return switch (scope.kind()) {
            case NATIONAL -> new Filter("true", List.of());
            case PROVINCE -> new Filter("t.province_code = ?", List.of(scope.code()));
            case COMMUNE -> new Filter("t.commune_code = ?", List.of(scope.code()));
            default -> new Filter("false", List.of());
        };
    }

    private static Team team(ResultSet rs, int i) throws SQLException {
        return new Team(rs.getObject("id", UUID.class), rs.getString("province_code"), rs.getString("commune_code"),
                rs.getString("commune_name"), rs.getString("village"), rs.getString("name"),
                rs.getDate("founded_on").toLocalDate(), rs.getInt("active_members"));
    }

    private static Member member(ResultSet rs, int i) throws SQLException {
        Date to = rs.getDate("to_on");
        return new Member(rs.getObject("id", UUID.class), rs.getObject("team_id", UUID.class), rs.getString("full_name"),
                Mask.lastFour(rs.getString("phone_last4")), rs.getString("organisation"), rs.getBoolean("leader"),
                rs.getBoolean("active"), rs.getDate("from_on").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getString("staff_username"));
    }
}
