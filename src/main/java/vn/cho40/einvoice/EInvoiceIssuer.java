package vn.cho40.einvoice;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import vn.cho40.shared.Ids;

/**
 * Turns document requests into signed, numbered documents, one request per transaction (only of boards that have
 * set up their seller details and series; the others' requests wait, untouched, until they do): the next number of the
 * board's series is taken (a row lock: concurrent issuers wait, never share a number), the document is built and
 * signed, stored, and the request marked done, all in one commit. A request that cannot be issued (no setting, no
 * key, an expired certificate) stays waiting with its problem shown to the board and is tried again later, with
 * growing pauses; its failed attempt used no number. Requests are claimed with SKIP LOCKED, so several servers
 * share the work and none issues a request twice.
 */
@Component
class EInvoiceIssuer {

    private static final Logger log = LoggerFactory.getLogger(EInvoiceIssuer.class);
    private static final String LOOKUP_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final SigningKeyring keyring;
    private final Clock clock;

    private final java.util.List<EInvoiceDrafts> drafts;

    EInvoiceIssuer(JdbcClient db, TransactionTemplate tx, SigningKeyring keyring, Clock clock,
                   java.util.List<EInvoiceDrafts> drafts) {
        this.drafts = java.util.List.copyOf(drafts);
        this.db = db;
        this.tx = tx;
        this.keyring = keyring;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cho40.einvoice.issue-every-ms:2000}", initialDelay = 5000)
    void scheduled() {
        try {
            issuePending(200);
        } catch (RuntimeException e) {
            log.warn("Phát hành hóa đơn điện tử lỗi, sẽ thử lại (e-invoice issuing failed, will retry): {}", e.toString());
        }
    }

    /** Issues up to {@code max} waiting requests; returns how many documents were issued. */
    int issuePending(int max) {
        int issued = 0;
        for (int i = 0; i < max; i++) {
            Optional<Boolean> one = tx.execute(this::issueOne);
            if (one == null || one.isEmpty()) {
                break;
            }
            if (one.get()) {
                issued++;
            }
        }
        return issued;
    }

    /** Empty when nothing waits; true when a document was issued, false when the claimed request had to wait. */
    private Optional<Boolean> issueOne(org.springframework.transaction.TransactionStatus status) {
        Instant now = clock.instant();
        Optional<Request> claimed = db.sql("""
                SELECT r.id, r.market_id, m.code, r.source, r.kind, CAST(r.draft AS text), r.attempts
                FROM einvoice_request r JOIN market m ON m.id = r.market_id
                JOIN einvoice_setting st ON st.market_id = r.market_id
                WHERE r.issued_id IS NULL AND r.next_try_at <= ?
                ORDER BY r.next_try_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)))
                .optional();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Request r = claimed.get();
        Object beforeIssuing = status.createSavepoint();
        String problem;
        try {
            problem = tryIssue(r, now);
        } catch (RuntimeException e) {
            // Whatever broke (a damaged key, a draft that no longer reads): undo the number, keep the request.
            status.rollbackToSavepoint(beforeIssuing);
            log.warn("Không phát hành được hóa đơn cho {} (could not issue): {}", r.source(), e.toString());
            problem = "einvoice.wait.failed";
        }
        if (problem != null) {
            // The attempt used no number (nothing was written); the request waits, saying why.
            Duration pause = Duration.ofSeconds(Math.min(3600, 30L << Math.min(r.attempts(), 7)));
            db.sql("UPDATE einvoice_request SET attempts = attempts + 1, last_problem = ?, next_try_at = ? WHERE id = ?")
                    .params(problem, Timestamp.from(now.plus(pause)), r.id()).update();
            return Optional.of(false);
        }
        return Optional.of(true);
    }

    private record Request(UUID id, UUID marketId, String marketCode, String source, String kind, String draft,
                           int attempts) {
    }

    private record Setting(String name, String taxCode, String address, int form, String series) {
    }

    /** Issues the request's document; returns null, or the message key of why it must wait. */
    private String tryIssue(Request r, Instant now) {
        Optional<Setting> setting = db.sql("""
                SELECT seller_name, seller_tax_code, seller_address, form, series FROM einvoice_setting
                WHERE market_id = ?""").param(r.marketId())
                .query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5))).optional();
        if (setting.isEmpty()) {
            return "einvoice.wait.noSetting";
        }
        Setting s = setting.get();
        Optional<SigningKeys> keys = keyring.forMarket(r.marketCode(), s.name(), s.taxCode());
        if (keys.isEmpty()) {
            return "einvoice.wait.noKey";
        }
        if (!keys.get().validAt(now)) {
            return "einvoice.wait.certificateExpired";
        }
        EInvoices.Draft draft;
        if (r.draft() != null) {
            draft = EInvoices.JSON.readValue(r.draft(), EInvoices.Draft.class);
        } else {
            // Named by its source alone: composed now, by the module that owns the source.
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            Optional<EInvoices.Draft> composed = drafts.stream().map(d -> d.draftOf(r.source(), today))
                    .flatMap(Optional::stream).findFirst();
            if (composed.isEmpty()) {
                return "einvoice.wait.noDraft";
            }
            draft = composed.get();
        }
        InvoiceSeries series = new InvoiceSeries(s.form(), s.series());
        int number = db.sql("""
                INSERT INTO einvoice_number (market_id, form, series, last) VALUES (?, ?, ?, 1)
                ON CONFLICT (market_id, form, series) DO UPDATE SET last = einvoice_number.last + 1
                RETURNING last""").params(r.marketId(), s.form(), s.series()).query(Integer.class).single();
        String lookup = lookupCode();
        EDocument doc = new EDocument(series, number, draft.issuedOn(), "TM/CK",
                new EDocument.Party(s.name(), s.taxCode(), s.address()), draft.buyer(), draft.lines(), lookup);
        Document xml = InvoiceXml.build(doc);
        XmlSignatures.sign(xml, keys.get().privateKey(), keys.get().certificate(), now);
        UUID id = Ids.newId(clock);
        db.sql("""
                INSERT INTO e_document (id, market_id, kind, form, series, number, issued_on, source, buyer_name,
                                        total_vnd, lookup_code, xml, state, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SIGNED', ?, 'system')""")
                .params(id, r.marketId(), r.kind(), s.form(), s.series(), number, draft.issuedOn(), r.source(),
                        draft.buyer().name(), doc.total(), lookup, InvoiceXml.bytes(xml), Timestamp.from(now))
                .update();
        db.sql("UPDATE einvoice_request SET issued_id = ?, last_problem = NULL WHERE id = ?").params(id, r.id()).update();
        return null;
    }

    /** Ten characters without look-alikes, grouped for reading aloud over the phone: {@code K7QP-M2XD-9H}. */
    static String lookupCode() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 8) {
                b.append('-');
            }
            b.append(LOOKUP_ALPHABET.charAt(RANDOM.nextInt(LOOKUP_ALPHABET.length())));
        }
        return b.toString();
    }

    /** For the board: requests still waiting, with why. */
    List<String[]> waiting(UUID marketId) {
        return db.sql("""
                SELECT source, coalesce(last_problem, CASE WHEN NOT EXISTS (SELECT 1 FROM einvoice_setting s
                         WHERE s.market_id = r.market_id) THEN 'einvoice.wait.noSetting' ELSE '' END), attempts
                FROM einvoice_request r
                WHERE market_id = ? AND issued_id IS NULL ORDER BY requested_at LIMIT 100""").param(marketId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3))})
                .list();
    }
}
