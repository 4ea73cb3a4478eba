package vn.cho40.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.Http;
import vn.cho40.IntegrationTest;
import vn.cho40.WebSession;
import vn.cho40.demo.DemoProvince;
import vn.cho40.identity.Role;
import vn.cho40.identity.Scope;
import vn.cho40.identity.StaffUsers;
import vn.cho40.shared.VnFormats;

/** Teams across communes, the activity log's refusals and merges, the onboarding link and the "became active" measure. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsIT {

    private static final String PW = DemoProvince.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    StaffUsers users;
    @Autowired
    TeamResults results;

    UUID daiPhucTeam;
    UUID thaiTeam;

    @BeforeAll
    void teams() {
        users.ensure(new StaffUsers.NewUser("xa.thai.it", "Cán bộ xã Thái", PW, Role.COMMUNE_OFFICER, Scope.Kind.COMMUNE, "05443", "19"));
        users.ensure(new StaffUsers.NewUser("tcn.it.a", "Thành viên A", PW, Role.TECH_MEMBER, Scope.Kind.COMMUNE, "05488", "19"));
        users.ensure(new StaffUsers.NewUser("tcn.it.b", "Thành viên B", PW, Role.TECH_MEMBER, Scope.Kind.COMMUNE, "05443", "19"));
        daiPhucTeam = createTeam(new WebSession(port, "xa.daiphuc", PW), "05488", "Tổ IT Đại Phúc", "TN-DAITU");
        thaiTeam = createTeam(new WebSession(port, "xa.thai.it", PW), "05443", "Tổ IT Thái", "TN-THAI");
        addMember(new WebSession(port, "xa.daiphuc", PW), daiPhucTeam, "Lê Văn An", "0912000111", "tcn.it.a");
        addMember(new WebSession(port, "xa.thai.it", PW), thaiTeam, "Trần Thị Bình", "0912000222", "tcn.it.b");
    }

    private UUID createTeam(WebSession officer, String commune, String name, String market) {
        Http.Response r = officer.postForm("/teams", Map.of("communeCode", commune, "name", name, "village", "Thôn Đồng",
                "foundedOn", "2024-03-01", "marketCodes", market), "/teams");
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return UUID.fromString(r.location().substring(r.location().lastIndexOf('/') + 1));
    }

    private void addMember(WebSession officer, UUID team, String name, String phone, String login) {
        Http.Response r = officer.postForm("/teams/" + team + "/members", Map.of("fullName", name, "phone", phone,
                "organisation", "Đoàn Thanh niên", "fromOn", "2024-03-01", "staffUsername", login, "leader", "on"),
                "/teams/" + team);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
    }

    @Autowired
    vn.cho40.TestClock serverClock;
    /** Stored bodies are ciphertexts like any other: key rotation (KeyRotationIT) reads every one in this database. */
    @Autowired
    vn.cho40.privacy.FieldCipher cipher;

    /** Now on the server's clock, which other tests move forward (login limits): "future" is the server's future. */
    private Instant now() {
        return serverClock.instant();
    }

    private static String entry(UUID clientId, String market, Instant at, String resident, boolean consent) {
        String whom = resident == null ? "" : "\"residentName\":\"" + resident + "\",\"residentPhone\":\"0987654321\","
                + "\"residentConsent\":" + consent + ",";
        return "{\"clientId\":\"" + clientId + "\",\"kind\":\"BANK_ACCOUNT\"," + whom
                + (market == null ? "\"village\":\"Thôn Đồng\"," : "\"marketCode\":\"" + market + "\",")
                + "\"doneAt\":\"" + at + "\",\"minutes\":20}";
    }

    @Test
    void theTraderPickerFindsAnyTraderOfTheMarketByNameOrPhoneEnding() {
        // A market has hundreds of traders and the picker lists 30: the search must reach the others.
        Map<String, Object> last = db.sql("""
                SELECT t.full_name, t.phone_last4 FROM trader t JOIN market m ON m.id = t.market_id
                WHERE m.code = 'TN-DAITU' ORDER BY t.full_name DESC LIMIT 1""").query().singleRow();
        Http member = new Http(port).as("tocongnghe.daiphuc", PW);
        String byPhone = member.get("/api/v1/teams/traders?market=TN-DAITU&q=" + last.get("phone_last4")).body();
        assertThat(byPhone).contains((String) last.get("full_name"));
        String surname = ((String) last.get("full_name")).split(" ")[0];
        String folded = vn.cho40.shared.SearchText.fold(surname);
        String byName = member.get("/api/v1/teams/traders?market=TN-DAITU&q=" + folded).body();
        assertThat(byName).contains(surname);
    }

    @Test
    void eachCommuneSeesOnlyItsTeamsAndTheProvinceSeesAll() {
        assertThat(new WebSession(port, "xa.daiphuc", PW).get("/teams").body()).contains("Tổ IT Đại Phúc")
                .doesNotContain("Tổ IT Thái");
        assertThat(new WebSession(port, "xa.thai.it", PW).get("/teams/" + daiPhucTeam).status()).isEqualTo(404);
        assertThat(new WebSession(port, "tinh.thainguyen", PW).get("/teams").body()).contains("Tổ IT Đại Phúc", "Tổ IT Thái");
        assertThat(new WebSession(port, "tinh.dienbien", PW).get("/teams/" + thaiTeam).status()).isEqualTo(404);
        Http.Response outside = new WebSession(port, "xa.thai.it", PW).postForm("/teams", Map.of("communeCode", "05488",
                "name", "Tổ lạ", "foundedOn", "2024-03-01"), "/teams");
        assertThat(outside.status()).isEqualTo(200);
        assertThat(outside.body()).contains("không thuộc địa bàn");
        assertThat(new WebSession(port, "tcn.it.a", PW).get("/teams").status()).as("members do not keep the registry").isEqualTo(403);
        String team = new WebSession(port, "xa.daiphuc", PW).get("/teams/" + daiPhucTeam).body();
        assertThat(team).contains("Lê Văn An", "•••• 0111").doesNotContain("0912000111");
    }

    @Test
    void theSameEntrySentTwiceIsCountedOnce() {
        Http member = new Http(port).as("tcn.it.a", PW);
        UUID clientId = UUID.randomUUID();
        String body = entry(clientId, "TN-DAITU", Instant.now().minusSeconds(600), "Nguyễn Thị Hoa", true);
        Http.Response first = member.postJson("/api/v1/teams/activities", json(body));
        Http.Response second = member.postJson("/api/v1/teams/activities", json(body));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(db.sql("SELECT count(*) FROM tech_activity WHERE client_id = ?").param(clientId).query(Long.class)
                .single()).isEqualTo(1);
        byte[] stored = db.sql("SELECT resident_phone_enc FROM tech_activity WHERE client_id = ?").param(clientId)
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("0987654321");
    }

    @Test
    void badEntriesAreRefusedWithTheFieldToFix() {
        Http a = new Http(port).as("tcn.it.a", PW);
        Http.Response future = a.postJson("/api/v1/teams/activities",
                json(entry(UUID.randomUUID(), null, now().plus(Duration.ofHours(2)), "Nguyễn Văn Tư", true)));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("doneAt", "tương lai");
        Http.Response noConsent = a.postJson("/api/v1/teams/activities",
                json(entry(UUID.randomUUID(), null, now(), "Nguyễn Văn Tư", false)));
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.body()).contains("residentConsent");
        Http.Response otherCommune = new Http(port).as("tcn.it.b", PW).postJson("/api/v1/teams/activities",
                json(entry(UUID.randomUUID(), "TN-DAITU", now(), "Nguyễn Văn Tư", true)));
        assertThat(otherCommune.status()).isEqualTo(422);
        assertThat(otherCommune.body()).contains("marketCode", "xã khác");
    }

    @Test
    void theAuthorCorrectsAndAnotherCommunesOfficerCannotSeeTheEntry() {
        Http a = new Http(port).as("tcn.it.a", PW);
        Http.Response created = a.postJson("/api/v1/teams/activities",
                json(entry(UUID.randomUUID(), "TN-DAITU", Instant.now().minusSeconds(60), "Phạm Văn Năm", true)));
        String id = created.json().get("id").asText();
        String fix = "{\"kind\":\"TEACH_QR\",\"doneAt\":\"" + Instant.now().minusSeconds(60) + "\",\"minutes\":30}";
        Http.Response corrected = a.postJson("/api/v1/teams/activities/" + id + "/correction", json(fix));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("kind").asText()).isEqualTo("TEACH_QR");
        assertThat(new Http(port).as("xa.thai.it", PW).postJson("/api/v1/teams/activities/" + id + "/correction", json(fix))
                .status()).isEqualTo(404);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'TEAM_ACTIVITY_CORRECT' AND subject_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);

        // Eight days later the author may no longer correct it; the commune's officer still may.
        db.sql("UPDATE tech_activity SET created_at = created_at - interval '8 days' WHERE id = ?::uuid").param(id).update();
        Http.Response late = a.postJson("/api/v1/teams/activities/" + id + "/correction", json(fix));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("7 ngày");
        Http.Response byOfficer = new Http(port).as("xa.daiphuc", PW)
                .postJson("/api/v1/teams/activities/" + id + "/correction", json(fix.replace("30", "45")));
        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(200);
        assertThat(byOfficer.json().get("minutes").asInt()).isEqualTo(45);

        // The same on the phone's page: the author is told it is too late, the officer corrects it in the form.
        WebSession author = new WebSession(port, "tcn.it.a", PW);
        assertThat(author.get("/team-activities/" + id).body()).contains("Đã quá 7 ngày").doesNotContain("correct-form");
        WebSession officer = new WebSession(port, "xa.daiphuc", PW);
        String at = java.time.LocalDateTime.ofInstant(Instant.now().minusSeconds(3600), vn.cho40.shared.VnFormats.VIETNAM)
                .withSecond(0).withNano(0).toString();
        assertThat(officer.get("/team-activities/" + id).body()).contains("correct-form", "value=\"45\"");
        assertThat(officer.postForm("/team-activities/" + id, Map.of("kind", "TEACH_QR", "doneAt", at, "minutes", "0"),
                "/team-activities/" + id).body()).as("a bad field is named").contains("id=\"correct-form\"", "class=\"error\"");
        Http.Response saved = officer.postForm("/team-activities/" + id, Map.of("kind", "BANK_ACCOUNT", "doneAt", at,
                "minutes", "20", "notes", "mở tài khoản Agribank"), "/team-activities/" + id);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(db.sql("SELECT kind || ' ' || minutes FROM tech_activity WHERE id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("BANK_ACCOUNT 20");
        assertThat(new WebSession(port, "xa.thai.it", PW).get("/team-activities/" + id).status())
                .as("another commune's officer").isEqualTo(404);
    }

    @Test
    void onboardingsByAMemberCountAndThoseWithACashlessPaymentWithin30DaysBecameActive() {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        List<UUID> traders = db.sql("SELECT id FROM trader WHERE market_id = ? ORDER BY id DESC LIMIT 3").param(market)
                .query(UUID.class).list();
        Instant onboarded = Instant.now().minus(Duration.ofMinutes(30));
        for (UUID t : traders) {
            db.sql("""
                    INSERT INTO onboarding (id, market_id, trader_id, step, started_by, started_at, updated_at, completed_at)
                    VALUES (?, ?, ?, 'DONE', 'tcn.it.a', ?, ?, ?)""")
                    .params(UUID.randomUUID(), market, t, Timestamp.from(onboarded), Timestamp.from(onboarded),
                            Timestamp.from(onboarded)).update();
        }
        payment(traders.get(0), market, onboarded.plus(Duration.ofMinutes(5)));    // active
        payment(traders.get(1), market, onboarded.minus(Duration.ofDays(2)));      // before onboarding: not active
        YearMonth month = YearMonth.from(onboarded.atZone(VnFormats.VIETNAM));
        TeamResults.Row row = results.results(Scope.of(Scope.Kind.COMMUNE, "05488"), TeamResults.Level.MEMBER, month, month)
                .stream().filter(r -> "Lê Văn An".equals(r.label())).findFirst().orElseThrow();
        assertThat(row.onboarded()).isEqualTo(3);
        assertThat(row.becameActive()).isEqualTo(1);
        assertThat(results.results(Scope.of(Scope.Kind.COMMUNE, "05443"), TeamResults.Level.MEMBER, month, month))
                .noneMatch(r -> "Lê Văn An".equals(r.label()));

        Http.Response csv = new Http(port).get("/api/v1/open-data/teams.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("traders_onboarded", "05488").doesNotContain("Lê Văn An", "0111", "Hoa");
        Http.Response json = new Http(port).get("/api/v1/open-data/teams.json?province=19");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"communeCode\":\"05488\"").doesNotContain("Lê Văn An");
        assertThat(new WebSession(port, "xa.daiphuc", PW).getBytes("/teams/results.xlsx?month=" + month)).isNotEmpty();
    }

    @Autowired
    vn.cho40.identity.SmsSender sms;

    @Test
    void aMemberWithoutAStaffLoginSignsInWithTheirPhoneAndLogs() {
        Http.Response added = new WebSession(port, "xa.daiphuc", PW).postForm("/teams/" + daiPhucTeam + "/members",
                Map.of("fullName", "Hà Thị Xuân", "phone", "0912 000 777", "organisation", "Hội Liên hiệp Phụ nữ",
                        "fromOn", "2024-03-01"), "/teams/" + daiPhucTeam);
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        WebSession phone = new WebSession(port, null, null);
        assertThat(phone.postForm("/member/login/code", Map.of("phone", "0912000777"), "/member/login").body())
                .contains("name=\"code\"");
        String sms = ((vn.cho40.identity.LogSmsSender) this.sms).lastMessage("0912000777").orElseThrow();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("(\\d{6})").matcher(sms);
        assertThat(code.find()).isTrue();
        assertThat(phone.postForm("/member/login", Map.of("phone", "0912000777", "code", "000000".equals(code.group(1))
                ? "111111" : "000000"), "/member/login").body()).as("a wrong code").contains("name=\"code\"");
        Http.Response in = phone.postForm("/member/login", Map.of("phone", "0912000777", "code", code.group(1)),
                "/member/login");
        assertThat(in.status()).as(in.body()).isEqualTo(302);
        assertThat(in.location()).endsWith("/team-log");
        assertThat(phone.get("/team-log").body()).contains("Hà Thị Xuân", "id=\"log-form\"");
        assertThat(phone.get("/home").status()).as("the member's home").isEqualTo(200);
        assertThat(phone.get("/teams").status()).as("the registry is the officers'").isEqualTo(403);
        String at = java.time.LocalDateTime.ofInstant(Instant.now().minusSeconds(600), VnFormats.VIETNAM)
                .withSecond(0).withNano(0).toString();
        Http.Response logged = phone.postForm("/team-log", Map.of("clientId", UUID.randomUUID().toString(),
                "kind", "INSTALL_APP", "appName", "VNeID", "residentName", "Nguyễn Văn Sáu", "residentPhone", "0987000666",
                "residentConsent", "on", "village", "Thôn Đồng", "doneAt", at, "minutes", "20"), "/team-log");
        assertThat(logged.status()).as(logged.body()).isEqualTo(302);
        assertThat(phone.get("/team-log").body()).as("in the member's own log").contains("VNeID", "Nguyễn Văn Sáu");
        // A number no team registered gets the same answer and no way in.
        WebSession stranger = new WebSession(port, null, null);
        assertThat(stranger.postForm("/member/login/code", Map.of("phone", "0912000778"), "/member/login").body())
                .contains("name=\"code\"");
        assertThat(((vn.cho40.identity.LogSmsSender) this.sms).lastMessage("0912000778")).isEmpty();
    }

    @Test
    void theDemosOnboardingsAgreeWithItsRolloutHistory() {
        long byLeaders = db.sql("""
                SELECT count(*) FROM onboarding o JOIN tech_member m ON m.staff_username = o.started_by
                JOIN tech_team t ON t.id = m.team_id WHERE t.created_by = 'demo'""").query(Long.class).single();
        assertThat(byLeaders).as("team leaders onboarded demo traders").isPositive();
        // Each finished the morning its trader's stall QR went up, once the team existed.
        assertThat(db.sql("""
                SELECT count(*) FROM onboarding o JOIN tech_member m ON m.staff_username = o.started_by
                JOIN tech_team t ON t.id = m.team_id
                JOIN lease l ON l.trader_id = o.trader_id AND l.ends_on IS NULL
                JOIN stall_qr_code q ON q.stall_id = l.stall_id AND q.kind = 'STATIC'
                WHERE t.created_by = 'demo' AND (o.completed_at > q.created_at
                   OR (o.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < t.founded_on)""").query(Long.class).single())
                .isZero();
        // Those months are known only from the history's monthly counts: some onboarded traders paid, some not.
        YearMonth now = YearMonth.now(VnFormats.VIETNAM);
        long onboarded = 0;
        long active = 0;
        for (TeamResults.Row r : results.results(Scope.of(Scope.Kind.PROVINCE, "19"), TeamResults.Level.PROVINCE,
                now.minusYears(4), now)) {
            onboarded += r.onboarded();
            active += r.becameActive();
        }
        assertThat(onboarded).isGreaterThanOrEqualTo(byLeaders - db.sql("""
                SELECT count(*) FROM onboarding o JOIN tech_member m ON m.staff_username = o.started_by
                JOIN tech_team t ON t.id = m.team_id WHERE t.created_by = 'demo' AND t.province_code <> '19'""")
                .query(Long.class).single());
        assertThat(active).isPositive().isLessThan(onboarded);
        assertThat(db.sql("SELECT count(*) FROM staff_user WHERE username LIKE 'tocongnghe.%' AND role = 'TECH_MEMBER'")
                .query(Long.class).single()).as("each demo leader has a login").isGreaterThan(1);
    }

    private void payment(UUID trader, UUID market, Instant at) {
        UUID request = UUID.randomUUID();
        db.sql("INSERT INTO inbound_request (id, received_at, provider, outcome, body_enc) VALUES (?, ?, 'test', 'ACCEPTED', ?)")
                .params(request, Timestamp.from(at), cipher.encrypt("raw_body", "{}")).update();
        db.sql("""
                INSERT INTO payment_event (id, request_id, provider, provider_txn_id, bank_reference, receiving_account_hash,
                    receiving_account_last4, direction, amount_vnd, booked_at, status, market_id, trader_id, created_at)
                VALUES (?, ?, 'test', ?, ?, ?, '0000', 'CREDIT', 50000, ?, 'MATCHED', ?, ?, ?)""")
                .params(UUID.randomUUID(), request, request.toString(), request.toString(), request.toString().getBytes(),
                        Timestamp.from(at), market, trader, Timestamp.from(at)).update();
    }

    private static Object json(String text) {
        try {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
