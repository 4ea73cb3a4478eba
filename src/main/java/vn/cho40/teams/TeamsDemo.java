package vn.cho40.teams;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.VnFormats;

/**
 * Demo teams: one per commune of the demo markets (two where a commune has several markets), five members each,
 * and a year of logged help at their markets (for the markets' demo traders) and in villages (residents who gave
 * consent). Each leader has a staff login ({@code tocongnghe.COMMUNE[.N]}; the Đại Phúc team's is the demo login
 * {@code tocongnghe.daiphuc}) and onboarded most of the market's traders whose stall QR went up after the team was
 * founded, on the day it went up: the demo's onboardings agree with its rollout history (which is why this runs
 * after the rollout demo dated the QR codes). Loaded once, in bulk.
 */
@Component
@Order(42)
@ConditionalOnBooleanProperty("cho40.demo.enabled")
class TeamsDemo implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamsDemo.class);
    static final String DEMO_LOGIN = "tocongnghe.daiphuc";
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà",
            "Lò", "Lường", "Quàng"};
    private static final String[] GIVEN = {"Văn Hùng", "Thị Lan", "Văn Dũng", "Thị Mai", "Thị Hương", "Văn Nam",
            "Thị Thu", "Văn Tùng", "Thị Ngọc", "Văn Hải", "Thị Hoa", "Văn Quân"};
    private static final String[] ORGS = {"Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh",
            "Trưởng thôn", "Công an xã"};
    private static final String[] APPS = {"VNeID", "Viettel Money", "Agribank E-Mobile Banking", "BIDV SmartBanking",
            "MoMo"};
    private static final HelpKind[] KINDS = {HelpKind.BANK_ACCOUNT, HelpKind.INSTALL_APP, HelpKind.INSTALL_APP,
            HelpKind.STALL_QR, HelpKind.TEACH_QR, HelpKind.TEACH_QR, HelpKind.PUBLIC_SERVICES,
            HelpKind.ECOMMERCE_LISTING};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;
    private final Clock clock;
    private final vn.cho40.identity.StaffUsers users;

    TeamsDemo(JdbcTemplate jdbc, TransactionTemplate tx, FieldCipher cipher, Clock clock,
              vn.cho40.identity.StaffUsers users) {
        this.users = users;
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.clock = clock;
    }

    private record MarketRow(UUID id, String code, String communeCode, String provinceCode) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT count(*) FROM tech_team WHERE created_by = 'demo'", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        long started = System.nanoTime();
        int[] loaded = tx.execute(s -> load());
        log.info("Demo tech teams: {} logged helps, {} traders onboarded by team leaders, in {} ms", loaded[0], loaded[1],
                (System.nanoTime() - started) / 1_000_000);
    }

    private int[] load() {
        List<MarketRow> markets = jdbc.query("SELECT id, code, commune_code, province_code FROM market "
                        + "WHERE commune_code IS NOT NULL ORDER BY commune_code, code",
                (rs, i) -> new MarketRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
        Random random = new Random(17);
        Instant now = clock.instant();
        LocalDate today = VnFormats.businessDate(now);
        List<Object[]> teams = new ArrayList<>();
        List<Object[]> teamMarkets = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        List<Object[]> activities = new ArrayList<>();
        List<Object[]> onboardings = new ArrayList<>();
        boolean loginTaken = !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT count(*) > 0 FROM staff_user WHERE username = ? AND role = 'TECH_MEMBER'", Boolean.class, DEMO_LOGIN));
        String commune = null;
        int teamNo = 0;
        for (MarketRow m : markets) {
            teamNo = m.communeCode().equals(commune) ? teamNo + 1 : 1;
            commune = m.communeCode();
            if (teamNo > 2) {
                continue;
            }
            UUID team = Ids.newId(clock);
            LocalDate founded = today.minusMonths(14 + random.nextInt(24));
            teams.add(new Object[] {team, m.provinceCode(), m.communeCode(), "Thôn " + teamNo,
                    "Tổ công nghệ số cộng đồng số " + teamNo, Date.valueOf(founded), Timestamp.from(now), "demo"});
            teamMarkets.add(new Object[] {team, m.id()});
            List<UUID> traders = jdbc.queryForList("SELECT id FROM trader WHERE market_id = ? ORDER BY id LIMIT 200",
                    UUID.class, m.id());
            for (int k = 0; k < 5; k++) {
                UUID member = Ids.newId(clock);
                String phone = "091" + String.format("%07d", random.nextInt(10_000_000));
                boolean leader = k == 0;
                String login = null;
                if (leader && !loginTaken && "05488".equals(m.communeCode())) {
                    login = DEMO_LOGIN;
                    loginTaken = true;
                } else if (leader) {
                    // The same demo password as every demo login; made here so the member can be linked to it.
                    login = "tocongnghe." + m.communeCode() + (teamNo > 1 ? "." + teamNo : "");
                    users.ensure(new vn.cho40.identity.StaffUsers.NewUser(login, "Tổ trưởng tổ CNS " + m.code(),
                            vn.cho40.demo.DemoProvince.DEMO_PASSWORD, vn.cho40.identity.Role.TECH_MEMBER,
                            vn.cho40.identity.Scope.Kind.COMMUNE, m.communeCode(), m.provinceCode()));
                }
                if (leader && login != null) {
                    onboardings.addAll(onboardings(random, m, founded, login));
                }
                members.add(new Object[] {member, team, FAMILY[random.nextInt(FAMILY.length)] + " "
                        + GIVEN[random.nextInt(GIVEN.length)], cipher.encrypt("phone", phone), cipher.index("phone", phone),
                        Mask.last4Of(phone), ORGS[k % ORGS.length], leader, Date.valueOf(founded), login, Timestamp.from(now)});
                // One or two people a week per member: about a hundred each over the year.
                for (Instant at = now.minus(Duration.ofDays(365)); at.isBefore(now.minus(Duration.ofHours(2)));
                     at = at.plus(Duration.ofHours(48 + random.nextInt(96)))) {
                    if (VnFormats.businessDate(at).isBefore(founded)) {
                        continue;
                    }
                    activities.add(activity(random, member, team, m, traders, at, now, login));
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO tech_team (id, province_code, commune_code, village, name, founded_on, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", teams);
        jdbc.batchUpdate("INSERT INTO tech_team_market (team_id, market_id) VALUES (?, ?)", teamMarkets);
        jdbc.batchUpdate("""
                INSERT INTO tech_member (id, team_id, full_name, phone_enc, phone_hash, phone_last4, organisation, leader,
                    active, from_on, staff_username, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""", members);
        jdbc.batchUpdate("""
                INSERT INTO tech_activity (id, client_id, member_id, team_id, province_code, commune_code, kind, app_name,
                    trader_id, resident_name, resident_phone_enc, resident_phone_last4, consent_at, consent_version,
                    market_id, village, done_at, minutes, notes, created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", activities);
        jdbc.batchUpdate("""
                INSERT INTO onboarding (id, market_id, trader_id, step, started_by, started_at, updated_at, completed_at)
                VALUES (?, ?, ?, 'DONE', ?, ?, ?, ?)""", onboardings);
        return new int[] {activities.size(), onboardings.size()};
    }

    /**
     * The leader onboarded about three in four of the market's traders whose stall QR went up once the team existed,
     * finishing the wizard the morning the QR went up; the others had come in before the team, or by the board.
     */
    private List<Object[]> onboardings(Random random, MarketRow m, LocalDate founded, String login) {
        List<Object[]> rows = new ArrayList<>();
        Instant since = founded.atStartOfDay(VnFormats.VIETNAM).toInstant();
        jdbc.query("""
                SELECT l.trader_id, min(q.created_at) FROM lease l
                JOIN stall_qr_code q ON q.stall_id = l.stall_id AND q.kind = 'STATIC'
                WHERE l.market_id = ? AND l.ends_on IS NULL
                  AND NOT EXISTS (SELECT 1 FROM onboarding o WHERE o.trader_id = l.trader_id)
                GROUP BY l.trader_id HAVING min(q.created_at) >= ? ORDER BY l.trader_id""", rs -> {
            if (random.nextInt(4) == 0) {
                return;
            }
            Instant done = rs.getTimestamp(2).toInstant().minus(Duration.ofMinutes(10 + random.nextInt(50)));
            Instant start = done.minus(Duration.ofMinutes(8 + random.nextInt(20)));
            rows.add(new Object[] {Ids.newId(clock), m.id(), rs.getObject(1, UUID.class), login, Timestamp.from(start),
                    Timestamp.from(done), Timestamp.from(done)});
        }, m.id(), Timestamp.from(since));
        return rows;
    }

    private Object[] activity(Random random, UUID member, UUID team, MarketRow m, List<UUID> traders, Instant at,
                              Instant now, String login) {
        HelpKind kind = KINDS[random.nextInt(KINDS.length)];
        boolean atMarket = !traders.isEmpty() && (kind == HelpKind.STALL_QR || kind == HelpKind.TEACH_QR || random.nextBoolean());
        UUID trader = atMarket ? traders.get(random.nextInt(traders.size())) : null;
        String resident = atMarket ? null : FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
        String phone = atMarket ? null : "098" + String.format("%07d", random.nextInt(10_000_000));
        Timestamp when = Timestamp.from(at);
        return new Object[] {Ids.newId(clock), UUID.randomUUID(), member, team, m.provinceCode(), m.communeCode(),
                kind.name(), kind == HelpKind.INSTALL_APP ? APPS[random.nextInt(APPS.length)] : null, trader, resident,
                phone == null ? null : cipher.encrypt("phone", phone), phone == null ? null : Mask.last4Of(phone),
                phone == null ? null : when, phone == null ? null : Activities.CONSENT_VERSION,
                atMarket ? m.id() : null, atMarket ? null : "Thôn " + (1 + random.nextInt(6)), when,
                5 + random.nextInt(40), null, when, when, login == null ? "demo" : login};
    }
}
