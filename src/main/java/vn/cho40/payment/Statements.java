package vn.cho40.payment;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.market.Market;
import vn.cho40.privacy.FieldCipher;
import vn.cho40.privacy.Mask;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.TableFile;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;
import vn.cho40.trader.StallAccounts;

/**
 * The safety net: a bank statement for one of the market's receiving accounts. Lines the webhooks already
 * reported are recognised; missing ones become payment events that the matcher places exactly as webhooks'
 * are; a line whose amount differs from the reported one goes to the exceptions queue. A statement that does
 * not add up is refused whole. The import runs in the background, all in one transaction, with progress.
 */
@Service
public class Statements {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;
    private final StallAccounts accounts;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("statement-import").daemon().factory());
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final long maxAmountVnd;

    Statements(JdbcClient db, JdbcTemplate jdbc, TransactionTemplate tx, FieldCipher cipher, StallAccounts accounts,
               Clock clock, @org.springframework.beans.factory.annotation.Value("${cho40.payments.max-amount-vnd}")
               long maxAmountVnd) {
        this.maxAmountVnd = maxAmountVnd;
        this.db = db;
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** An uploaded file read and checked, waiting for the board's confirmation. */
    public record Preview(String fileName, byte[] content, Statement statement, StatementTable.Layout layout,
                   String profileName, Statement.Problem problem) implements java.io.Serializable {
    }

    /** Reads a file; {@code columns} overrides the layout (role → column index) when the board changed it. */
    Preview preview(String fileName, byte[] content, Map<StatementTable.Role, Integer> columns) {
        if (content.length == 0) {
            throw new InvalidInputException(Violation.of("file", "import.file.empty"));
        }
        if (Camt053.looksLike(content)) {
            Statement s = refuseAbove(Camt053.read(content), maxAmountVnd);
            return new Preview(fileName, content, s, null, null, s.balanceProblem());
        }
        List<TableFile.Row> rows = StatementTable.rows(fileName, content);
        StatementTable.Layout detected = StatementTable.detect(rows);
        String profile = null;
        StatementTable.Layout layout = detected;
        if (columns != null && !columns.isEmpty()) {
            layout = new StatementTable.Layout(detected.headerIndex(), columns, detected.headers(), detected.headerKey());
        } else {
            var saved = savedProfile(detected.headerKey());
            if (saved.isPresent()) {
                profile = saved.get().getKey();
                layout = new StatementTable.Layout(detected.headerIndex(), saved.get().getValue(), detected.headers(),
                        detected.headerKey());
            }
        }
        Statement s = refuseAbove(StatementTable.read(rows, layout), maxAmountVnd);
        return new Preview(fileName, content, s, layout, profile, s.balanceProblem());
    }

    /**
     * A line above the ceiling is refused with its number, like webhooks' amounts: a statement cannot book what a
     * provider could not (and no sum of lines can then overflow).
     */
    static Statement refuseAbove(Statement s, long maxAmountVnd) {
        List<Violation> above = new ArrayList<>();
        for (Statement.Entry e : s.entries()) {
            if (e.amountVnd() > maxAmountVnd && above.size() < 20) {
                above.add(Violation.of("file", "statement.line.aboveCeiling", e.line(),
                        vn.cho40.shared.Money.vnd(e.amountVnd()).format(),
                        vn.cho40.shared.Money.vnd(maxAmountVnd).format()));
            }
        }
        if (!above.isEmpty()) {
            throw new InvalidInputException(above);
        }
        return s;
    }

    /** Progress of a background import; {@code statementId} once done, {@code error} if it failed. */
    public record Job(UUID id, UUID marketId, int total, AtomicInteger done, UUID[] statementId, String[] error) {
        public boolean finished() {
            return statementId[0] != null || error[0] != null;
        }

        public int percent() {
            return total == 0 ? 100 : Math.min(100, done.get() * 100 / total);
        }
    }

    /** Starts the import of a confirmed preview for an account of {@code market}; refuses what cannot be right. */
    Job start(Preview preview, Market market, String accountGiven, String by) {
        Statement s = preview.statement();
        if (preview.problem() != null) {
            Statement.Problem p = preview.problem();
            throw new InvalidInputException(Violation.of("file", p.key(), p.line(),
                    vn.cho40.shared.Money.vnd(p.computedVnd()).format(), vn.cho40.shared.Money.vnd(p.statedVnd()).format()));
        }
        String account = account(s.account(), accountGiven);
        var owner = accounts.ownerOf(account);
        // The board's own collection account (fees paid by transfer) is reconciled like a trader's account.
        boolean collection = account.equals(market.collectionAccountNo()) && market.collectionBankBin() != null;
        if (!collection && (owner.isEmpty() || !owner.get().marketId().equals(market.id()))) {
            throw new InvalidInputException(Violation.of("account", "statement.account.unknown",
                    Mask.lastFour(Mask.last4Of(account)), market.name()));
        }
        // A statement is one account's: its lines reached that bank, so a code of another account credits nobody.
        String bin = collection ? market.collectionBankBin() : owner.get().bin();
        if (preview.layout() != null) {
            saveProfile(preview.layout(), by);
        }
        Job job = new Job(Ids.newId(clock), market.id(), s.entries().size(), new AtomicInteger(), new UUID[1],
                new String[1]);
        jobs.put(job.id(), job);
        worker.submit(() -> {
            try {
                job.statementId()[0] = tx.execute(status -> store(job, preview, market, account, bin, by));
            } catch (RuntimeException e) {
                job.error()[0] = e.getMessage();
            }
        });
        return job;
    }

    public Optional<Job> job(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private static String account(String inFile, String given) {
        String g = given == null ? "" : given.replaceAll("[\\s.-]", "");
        if (inFile != null && !g.isEmpty() && !inFile.equals(g)) {
            throw new InvalidInputException(Violation.of("account", "statement.account.differs"));
        }
        String account = inFile != null ? inFile : g;
        if (!account.matches("[0-9A-Za-z]{4,34}")) {
            throw new InvalidInputException(Violation.of("account", "statement.account.missing"));
        }
        return account;
    }

    private UUID store(Job job, Preview preview, Market market, String account, String bin, String by) {
        Statement s = preview.statement();
        Instant now = clock.instant();
        UUID requestId = Ids.newId(clock);
        byte[] hash = cipher.index("account_number", account);
        jdbc.update("INSERT INTO inbound_request (id, received_at, provider, outcome, reason, remote_addr, body_enc) "
                        + "VALUES (?, ?, 'STATEMENT', 'ACCEPTED', ?, NULL, ?)", requestId, Timestamp.from(now),
                "statement " + preview.fileName(), cipher.encrypt("raw_body",
                        Base64.getEncoder().encodeToString(preview.content())));
        UUID statementId = Ids.newId(clock);
        jdbc.update("""
                INSERT INTO bank_statement (id, market_id, account_hash, account_last4, file_name, format, period_from,
                    period_to, opening_vnd, closing_vnd, credits_vnd, debits_vnd, line_count, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statementId, market.id(), hash,
                Mask.last4Of(account), preview.fileName(), s.format(), s.from(), s.to(), s.openingVnd(), s.closingVnd(),
                s.creditsVnd(), s.debitsVnd(), s.entries().size(), by, Timestamp.from(now));
        int known = 0;
        int created = 0;
        int different = 0;
        List<Object[]> lines = new ArrayList<>();
        for (Statement.Entry e : s.entries()) {
            String reference = reference(e);
            var existing = existing(hash, reference, e);
            String outcome;
            UUID eventId;
            String detail = null;
            if (existing.isPresent() && existing.get().getValue() == e.amountVnd()) {
                outcome = "KNOWN";
                eventId = existing.get().getKey();
                known++;
            } else if (existing.isPresent()) {
                outcome = "DIFFERENT";
                detail = "reported " + existing.get().getValue() + ", statement " + e.amountVnd();
                // The statement's version waits for a person beside the reported one: never both credited blindly.
                eventId = insertEvent(requestId, market, hash, bin, account, reference + "/SK", e, now,
                        "AMOUNT_DIFFERS");
                different++;
            } else {
                outcome = "CREATED";
                eventId = insertEvent(requestId, market, hash, bin, account, reference, e, now, null);
                created++;
            }
            lines.add(new Object[] {statementId, e.line(), market.id(), e.bookedOn(), reference, e.direction().name(),
                    e.amountVnd(), outcome, eventId, detail});
            job.done().incrementAndGet();
        }
        jdbc.batchUpdate("""
                INSERT INTO statement_line (statement_id, line_no, market_id, booked_on, reference, direction, amount_vnd,
                    outcome, payment_event_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
        jdbc.update("UPDATE bank_statement SET known_count = ?, created_count = ?, difference_count = ? WHERE id = ?",
                known, created, different, statementId);
        return statementId;
    }

    /**
     * The event the providers already reported for this line: by bank reference; for banks that print none,
     * by account, day, amount and the same transfer text.
     */
    private Optional<Map.Entry<UUID, Long>> existing(byte[] hash, String reference, Statement.Entry e) {
        var byReference = db.sql("""
                SELECT id, amount_vnd FROM payment_event
                WHERE receiving_account_hash = ? AND bank_reference = ? AND direction = ?""")
                .params(hash, reference, e.direction().name())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2))).optional();
        if (byReference.isPresent() || (e.reference() != null && !e.reference().isBlank())) {
            return byReference;
        }
        Instant dayStart = e.bookedOn().atStartOfDay(VnFormats.VIETNAM).toInstant();
        String text = SearchText.fold(e.text());
        return db.sql("""
                SELECT id, amount_vnd, transfer_text_enc FROM payment_event
                WHERE receiving_account_hash = ? AND direction = ? AND amount_vnd = ? AND booked_at >= ? AND booked_at < ?
                  AND provider <> 'STATEMENT'""")
                .params(hash, e.direction().name(), e.amountVnd(), Timestamp.from(dayStart),
                        Timestamp.from(dayStart.plus(java.time.Duration.ofDays(1))))
                .query((rs, n) -> {
                    byte[] enc = rs.getBytes(3);
                    String reported = enc == null ? "" : SearchText.fold(cipher.decrypt("transfer_text", enc));
                    return text.equals(reported) || (!text.isEmpty() && reported.contains(text))
                            ? Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)) : null;
                })
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private UUID insertEvent(UUID requestId, Market market, byte[] hash, String bin, String account, String reference,
                             Statement.Entry e, Instant now, String exceptionReason) {
        UUID id = Ids.newId(clock);
        // Booked dates only: the event is placed at noon Vietnam time of its day.
        Instant booked = e.bookedOn().atTime(LocalTime.NOON).atZone(VnFormats.VIETNAM).toInstant();
        int inserted = jdbc.update("""
                INSERT INTO payment_event (id, request_id, provider, provider_txn_id, bank_reference,
                    receiving_account_hash, receiving_account_last4, receiving_bin, direction, amount_vnd, booked_at,
                    transfer_text_enc, our_reference, market_id, created_at, status, exception_reason)
                VALUES (?, ?, 'STATEMENT', NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                id, requestId, reference, hash, Mask.last4Of(account), bin, e.direction().name(), e.amountVnd(),
                Timestamp.from(booked), e.text() == null ? null : cipher.encrypt("transfer_text", e.text()), market.id(),
                Timestamp.from(now), exceptionReason == null ? "RECEIVED" : "EXCEPTION", exceptionReason);
        return inserted == 1 ? id : null;
    }

    /** The bank's reference, or for banks that print none a stable one from the line, so a re-upload dedupes. */
    static String reference(Statement.Entry e) {
        if (e.reference() != null && !e.reference().isBlank()) {
            return e.reference().strip();
        }
        String basis = e.bookedOn() + "|" + e.direction() + "|" + e.amountVnd() + "|" + SearchText.fold(e.text());
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(StandardCharsets.UTF_8));
            return "SK-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Optional<Map.Entry<String, Map<StatementTable.Role, Integer>>> savedProfile(String headerKey) {
        return db.sql("SELECT name, columns_json FROM statement_profile WHERE header_key = ?").param(headerKey)
                .query((rs, n) -> Map.entry(rs.getString(1), columns(rs.getString(2)))).optional();
    }

    private void saveProfile(StatementTable.Layout layout, String by) {
        Map<String, Integer> columns = new HashMap<>();
        layout.columns().forEach((role, index) -> columns.put(role.name(), index));
        String json = JSON.writeValueAsString(columns);
        String name = String.join(" | ", layout.headers().stream().filter(h -> !h.isBlank()).limit(4).toList());
        db.sql("""
                INSERT INTO statement_profile (id, name, header_key, columns_json, confirmed_by, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (header_key) DO UPDATE SET columns_json = EXCLUDED.columns_json,
                    confirmed_by = EXCLUDED.confirmed_by, confirmed_at = EXCLUDED.confirmed_at""")
                .params(Ids.newId(clock), name.length() > 200 ? name.substring(0, 200) : name + " " + layout.headerKey()
                        .hashCode(), layout.headerKey(), json, by, Timestamp.from(clock.instant())).update();
    }

    private static Map<StatementTable.Role, Integer> columns(String json) {
        Map<StatementTable.Role, Integer> out = new java.util.EnumMap<>(StatementTable.Role.class);
        JSON.readTree(json).properties().forEach(e -> out.put(StatementTable.Role.valueOf(e.getKey()), e.getValue().asInt()));
        return out;
    }

    // ------------------------------------------------------------------ reading back

    /** A stored statement as its report shows it. */
    public record Summary(UUID id, UUID marketId, String accountMasked, String fileName, String format,
                          LocalDate from, LocalDate to, long openingVnd, long creditsVnd, long debitsVnd,
                          long closingVnd, int lines, int known, int created, int different, String uploadedBy,
                          Instant uploadedAt) {
    }

    public List<Summary> forMarket(UUID marketId) {
        return db.sql(SUMMARY + " WHERE market_id = ? ORDER BY uploaded_at DESC LIMIT 100").param(marketId)
                .query(Statements::summary).list();
    }

    public Summary get(UUID id) {
        return db.sql(SUMMARY + " WHERE id = ?").param(id).query(Statements::summary).optional()
                .orElseThrow(() -> new NotFoundException("statement.notFound", id));
    }

    /** One day of one account: what the statement says beside what the providers reported. */
    public record Day(LocalDate day, int statementCredits, long statementCreditsVnd, int reportedCredits,
                      long reportedCreditsVnd, int missingFromReports, int notOnStatement, int different) {
        public boolean reconciled() {
            return missingFromReports == 0 && notOnStatement == 0 && different == 0
                    && statementCreditsVnd == reportedCreditsVnd;
        }
    }

    /** The reconciliation report of a statement's account, per day of its period. */
    public List<Day> reconciliation(UUID statementId) {
        return db.sql("""
                WITH s AS (SELECT * FROM bank_statement WHERE id = :id),
                days AS (SELECT generate_series(s.period_from, s.period_to, interval '1 day')::date AS day FROM s),
                lines AS (SELECT l.* FROM statement_line l WHERE l.statement_id = :id AND l.direction = 'CREDIT'),
                reported AS (
                    SELECT e.*, (e.booked_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day FROM payment_event e, s
                    WHERE e.receiving_account_hash = s.account_hash AND e.direction = 'CREDIT'
                      AND e.provider <> 'STATEMENT'
                      AND e.booked_at >= (s.period_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                      AND e.booked_at < ((s.period_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
                SELECT d.day,
                    (SELECT count(*) FROM lines l WHERE l.booked_on = d.day),
                    (SELECT LEAST(coalesce(sum(amount_vnd), 0), 9223372036854775807)::bigint FROM lines l
                        WHERE l.booked_on = d.day),
                    (SELECT count(*) FROM reported r WHERE r.day = d.day),
                    (SELECT LEAST(coalesce(sum(amount_vnd), 0), 9223372036854775807)::bigint FROM reported r
                        WHERE r.day = d.day),
                    (SELECT count(*) FROM lines l WHERE l.booked_on = d.day AND l.outcome = 'CREATED'),
                    (SELECT count(*) FROM reported r WHERE r.day = d.day AND NOT EXISTS (
                        SELECT 1 FROM lines l WHERE l.reference = r.bank_reference)),
                    (SELECT count(*) FROM lines l WHERE l.booked_on = d.day AND l.outcome = 'DIFFERENT')
                FROM days d ORDER BY d.day""")
                .param("id", statementId)
                .query((rs, n) -> new Day(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    private static final String SUMMARY = """
            SELECT id, market_id, account_last4, file_name, format, period_from, period_to, opening_vnd, credits_vnd,
                   debits_vnd, closing_vnd, line_count, known_count, created_count, difference_count, uploaded_by,
                   uploaded_at FROM bank_statement""";

    private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Summary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Mask.lastFour(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getInt(12), rs.getInt(13),
                rs.getInt(14), rs.getInt(15), rs.getString(16), rs.getTimestamp(17).toInstant());
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
