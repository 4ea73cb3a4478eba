package vn.cho40.einvoice;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private final IssueSources sources;
    private final vn.cho40.payment.MatchingLoad matching;

    EInvoiceIssuer(JdbcClient db, TransactionTemplate tx, SigningKeyring keyring, Clock clock, IssueSources sources,
                   vn.cho40.payment.MatchingLoad matching) {
        this.matching = matching;
        this.sources = sources;
        this.db = db;
        this.tx = tx;
        this.keyring = keyring;
        this.clock = clock;
    }

    private static final int BATCH = 200;
    /** While payments pour in: a trickle, so documents keep coming (about two a second) without taking the CPU. */
    private static final int WHILE_PAYMENTS_POUR_IN = 5;

    /**
     * Every tick: while this server's matcher works through a backlog, a few documents only (signing is the CPU's
     * heaviest job here and a document may come minutes after its payment; the money may not); otherwise every
     * waiting request, without pausing between full batches (a market's month of bills paid at once).
     */
    @Scheduled(fixedDelayString = "${cho40.einvoice.issue-every-ms:2000}", initialDelay = 5000)
    void scheduled() {
        try {
            if (matching.busy()) {
                issuePending(WHILE_PAYMENTS_POUR_IN);
                return;
            }
            while (issuePending(BATCH) == BATCH && !matching.busy()) {
                log.debug("more e-invoice requests wait");
            }
        } catch (RuntimeException e) {
            log.warn("Phát hành hóa đơn điện tử lỗi, sẽ thử lại (e-invoice issuing failed, will retry): {}", e.toString());
        }
    }

    /** Issues up to {@code max} waiting requests; returns how many documents were issued. */
    int issuePending(int max) {
        return issuePending(null, max);
    }

    /**
     * The same for one market's requests only (null: every market's). Markets take turns, one request each, so a
     * board with a month's backlog does not hold up another's document of today; within a market, oldest first.
     */
    int issuePending(UUID marketId, int max) {
        java.util.List<UUID> markets = new java.util.ArrayList<>(marketId != null ? List.of(marketId) : waitingMarkets());
        int issued = 0;
        int tries = 0;
        while (!markets.isEmpty() && tries < max) {
            for (java.util.Iterator<UUID> m = markets.iterator(); m.hasNext() && tries < max; ) {
                UUID market = m.next();
                Optional<Boolean> one = tx.execute(status -> issueOne(status, market));
                if (one == null || one.isEmpty()) {
                    m.remove(); // nothing (more) waits there
                    continue;
                }
                tries++;
                if (one.get()) {
                    issued++;
                }
            }
        }
        return issued;
    }

    /**
     * Markets set up to issue that have a request due. Driven from the settings: the requests of boards not set up
     * yet wait in the same table (thousands, in a province that starts) and must cost nothing per claim.
     */
    private List<UUID> waitingMarkets() {
        return db.sql("""
                SELECT s.market_id FROM einvoice_setting s WHERE EXISTS (SELECT 1 FROM einvoice_request r
                    WHERE r.market_id = s.market_id AND r.issued_id IS NULL AND r.next_try_at <= ?)""")
                .param(Timestamp.from(clock.instant())).query(UUID.class).list();
    }

    /** Empty when nothing waits; true when a document was issued, false when the claimed request had to wait. */
    private Optional<Boolean> issueOne(org.springframework.transaction.TransactionStatus status, UUID marketId) {
        Instant now = clock.instant();
        Optional<Request> claimed = db.sql("""
                SELECT r.id, r.market_id, m.code, r.source, r.kind, CAST(r.draft AS text), r.attempts, r.corrects,
                       r.corrects_source, r.correction, r.reason
                FROM einvoice_request r JOIN market m ON m.id = r.market_id
                JOIN einvoice_setting st ON st.market_id = r.market_id
                WHERE r.market_id = ? AND r.issued_id IS NULL AND r.next_try_at <= ?
                ORDER BY r.next_try_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED""")
                .params(marketId, Timestamp.from(now))
                .query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), EInvoices.Kind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getInt(7), rs.getObject(8, UUID.class), rs.getString(9),
                        rs.getString(10) == null ? null : EDocument.Correction.valueOf(rs.getString(10)),
                        rs.getString(11)))
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
            log.warn("Không phát hành được hóa đơn cho {} (could not issue): {}", r.source(), e.toString());
            problem = "einvoice.wait.failed";
        }
        if (problem != null) {
            // The attempt keeps no number (anything written is undone); the request waits, saying why.
            status.rollbackToSavepoint(beforeIssuing);
            Duration pause = Duration.ofSeconds(Math.min(3600, 30L << Math.min(r.attempts(), 7)));
            db.sql("UPDATE einvoice_request SET attempts = attempts + 1, last_problem = ?, next_try_at = ? WHERE id = ?")
                    .params(problem, Timestamp.from(now.plus(pause)), r.id()).update();
            return Optional.of(false);
        }
        return Optional.of(true);
    }

    /** A waiting request; a correction names the document it corrects, or the source whose documents it corrects. */
    record Request(UUID id, UUID marketId, String marketCode, String source, EInvoices.Kind kind, String draft,
                   int attempts, UUID corrects, String correctsSource, EDocument.Correction correction, String reason) {
    }

    record Setting(String name, String taxCode, String address, int form, String series, String receiptForm,
                   String receiptSeries, String mode) {

        /** The symbol documents of this kind are numbered under; empty for a receipt when the board has none. */
        Optional<DocumentSymbol> symbol(EInvoices.Kind kind) {
            if (kind == EInvoices.Kind.RECEIPT) {
                return receiptForm == null ? Optional.empty()
                        : Optional.of(new ReceiptSeries(receiptForm, receiptSeries));
            }
            return Optional.of(new InvoiceSeries(form, series));
        }
    }

    /**
     * Issues the request's documents (one per kind its lines need: a bill of fees and services gets a receipt and an
     * invoice); returns null, or the message key of why it must wait. Every check comes before the first number.
     */
    private String tryIssue(Request r, Instant now) {
        Optional<Setting> setting = db.sql("""
                SELECT seller_name, seller_tax_code, seller_address, form, series, receipt_form, receipt_series, mode
                FROM einvoice_setting WHERE market_id = ?""").param(r.marketId())
                .query((rs, n) -> new Setting(rs.getString(1), rs.getString(2), rs.getString(3),
                        Integer.parseInt(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8))).optional();
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
        Optional<IssueSources.Original> fixed = r.corrects() == null ? Optional.empty() : sources.original(r.corrects());
        Optional<EInvoices.Draft> found = sources.draft(r, fixed);
        if (found.isEmpty()) {
            return "einvoice.wait.noDraft";
        }
        EInvoices.Draft draft = found.get();
        if (draft.lines().isEmpty()) {
            throw new IllegalArgumentException("a document has at least one line: " + r.source());
        }
        Map<EInvoices.Kind, List<EDocument.Line>> parts = fixed.isPresent()
                ? Map.of(fixed.get().kind(), draft.lines())
                : DocumentKinds.split(draft.lines(), sources.kinds(r.marketId()), r.kind());
        Map<EInvoices.Kind, DocumentSymbol> symbols = new java.util.EnumMap<>(EInvoices.Kind.class);
        Map<EInvoices.Kind, IssueSources.Original> originals = new java.util.EnumMap<>(EInvoices.Kind.class);
        for (EInvoices.Kind kind : parts.keySet()) {
            Optional<DocumentSymbol> symbol = s.symbol(kind);
            if (symbol.isEmpty()) {
                return "einvoice.wait.noReceiptSeries";
            }
            symbols.put(kind, symbol.get());
            if (r.correction() != null) {
                Optional<IssueSources.Original> o = fixed.isPresent() ? fixed : sources.current(r.correctsSource(), kind);
                if (o.isEmpty()) {
                    return "einvoice.wait.noOriginal";
                }
                if (o.get().state().equals("CANCELLED") || o.get().state().equals("REPLACED")) {
                    return "einvoice.wait.originalClosed";
                }
                originals.put(kind, o.get());
            }
        }
        UUID first = null;
        for (var part : parts.entrySet()) {
            UUID id = store(r, s, keys.get(), draft, symbols.get(part.getKey()), part.getValue(),
                    originals.get(part.getKey()), now);
            first = first == null ? id : first;
        }
        db.sql("UPDATE einvoice_request SET issued_id = ?, last_problem = NULL WHERE id = ?").params(first, r.id())
                .update();
        return null;
    }

    /** Numbers, builds, signs and stores one document; marks what it corrects. */
    private UUID store(Request r, Setting s, SigningKeys keys, EInvoices.Draft draft, DocumentSymbol symbol,
                       List<EDocument.Line> lines, IssueSources.Original original, Instant now) {
        int number = db.sql("""
                INSERT INTO einvoice_number (market_id, form, series, last) VALUES (?, ?, ?, 1)
                ON CONFLICT (market_id, form, series) DO UPDATE SET last = einvoice_number.last + 1
                RETURNING last""").params(r.marketId(), symbol.formText(), symbol.seriesText()).query(Integer.class)
                .single();
        String lookup = lookupCode();
        EDocument.Related related = original == null ? null : new EDocument.Related(r.correction(), original.form(),
                original.series(), original.number(), original.issuedOn(), r.reason());
        EDocument doc = new EDocument(symbol, number, draft.issuedOn(), "TM/CK",
                new EDocument.Party(s.name(), s.taxCode(), s.address()), draft.buyer(), lines, lookup, related);
        Document xml = InvoiceXml.build(doc);
        XmlSignatures.sign(xml, keys.privateKey(), keys.certificate(), now);
        UUID id = Ids.newId(clock);
        boolean send = !"LOCAL".equals(s.mode());
        db.sql("""
                INSERT INTO e_document (id, market_id, kind, form, series, number, issued_on, source, buyer_name,
                                        total_vnd, lookup_code, xml, state, corrects, correction, reason, provider,
                                        send_next_at, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SIGNED', ?, ?, ?, ?, ?, ?, 'system')""")
                .params(id, r.marketId(), symbol.kind().name(), symbol.formText(), symbol.seriesText(), number,
                        draft.issuedOn(), original == null ? r.source() : original.source(), draft.buyer().name(),
                        doc.total(), lookup, InvoiceXml.bytes(xml), original == null ? null : original.id(),
                        r.correction() == null ? null : r.correction().name(), r.reason(), send ? s.mode() : null,
                        send ? Timestamp.from(now) : null, Timestamp.from(now))
                .update();
        if (original != null) {
            // The original's content never changes; its state says it was replaced or adjusted.
            db.sql("UPDATE e_document SET state = ? WHERE id = ? AND state NOT IN ('CANCELLED', 'REPLACED')")
                    .params(r.correction() == EDocument.Correction.REPLACE ? "REPLACED" : "ADJUSTED", original.id())
                    .update();
        }
        return id;
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

    /** Corrections of a document asked for and not issued yet, with why they wait: {correction, problem}. */
    List<String[]> pendingCorrections(UUID documentId) {
        return db.sql("SELECT correction, coalesce(last_problem, '') FROM einvoice_request WHERE corrects = ? "
                        + "AND issued_id IS NULL ORDER BY requested_at").param(documentId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
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
