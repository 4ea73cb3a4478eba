package vn.cho40.einvoice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.cho40.shared.Ids;

/**
 * The module's door: other modules ask for a document when they settle something, and read what was issued.
 * Asking is cheap and happens inside the asker's transaction (a bill paid and its document request commit
 * together, or neither); the document itself is numbered and signed afterwards by {@link EInvoiceIssuer}.
 */
@Service
public class EInvoices {

    /** What a document is for: an invoice (a priced service, the usual case for market charges) or a receipt. */
    public enum Kind { INVOICE, RECEIPT }

    /** What the asker knows: the buyer, the lines (amounts before VAT), the day. The board's setting adds the rest. */
    public record Draft(EDocument.Party buyer, List<EDocument.Line> lines, LocalDate issuedOn) {
        public Draft {
            lines = List.copyOf(lines);
        }
    }

    /**
     * An issued document as lists and the API show it; {@code problem} is what the board should read with its state:
     * why its sending failed, why it was cancelled, or why it replaces or adjusts {@code corrects};
     * {@code authorityCode}, the tax authority's code (MCCQT) once a provider reports it.
     */
    public record Issued(UUID id, UUID marketId, Kind kind, String series, int number, LocalDate issuedOn,
                         String source, String buyerName, long totalVnd, String lookupCode, String state,
                         UUID corrects, String correction, String problem, boolean sent, String authorityCode) {
        public String printedSeries() {
            return series;
        }
    }

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    EInvoices(JdbcClient db, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    /**
     * Asks for the document of a source (for example {@code bill:<id>}), at most once per source: asking again
     * changes nothing. Must run inside the asker's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(UUID marketId, String source, Kind kind, Draft draft) {
        Instant now = clock.instant();
        db.sql("""
                INSERT INTO einvoice_request (id, market_id, source, kind, draft, requested_at, next_try_at)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT (source) DO NOTHING""")
                .params(Ids.newId(clock), marketId, source, kind.name(), JSON.writeValueAsString(draft),
                        java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
                .update();
    }

    /**
     * One request for {@link #requestAll}; a null draft is composed at issue time ({@link EInvoiceDrafts}). The kind
     * is that of lines without a charge code: lines with one go on the document the board set for their charge, so a
     * bill's request may give an invoice and a receipt.
     */
    public record Request(UUID marketId, String source, Kind kind, Draft draft) {
    }

    /** Many requests in one statement, each at most once per source as {@link #request} does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestAll(List<Request> requests) {
        if (requests.isEmpty()) {
            return;
        }
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO einvoice_request (id, market_id, source, kind, draft, requested_at, next_try_at)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT (source) DO NOTHING""",
                requests.stream().map(r -> new Object[] {Ids.newId(clock), r.marketId(), r.source(), r.kind().name(),
                        r.draft() == null ? null : JSON.writeValueAsString(r.draft()), now, now}).toList());
    }

    /**
     * Asks for the documents that adjust those of another source (a credit note of a paid bill adjusts the bill's
     * invoice and receipt), at most once per source; composed at issue time through {@link EInvoiceDrafts}, issued
     * once the documents they adjust are. Must run inside the asker's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestAdjustment(UUID marketId, String source, String adjustedSource, String reason) {
        Instant now = clock.instant();
        db.sql("""
                INSERT INTO einvoice_request (id, market_id, source, kind, requested_at, next_try_at, corrects_source,
                                              correction, reason)
                VALUES (?, ?, ?, 'INVOICE', ?, ?, ?, 'ADJUST', ?) ON CONFLICT (source) DO NOTHING""")
                .params(Ids.newId(clock), marketId, source, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now),
                        adjustedSource, reason.length() > 300 ? reason.substring(0, 300) : reason)
                .update();
    }

    /** Whether a document was asked for this source (whether issued yet or not). */
    public boolean requested(String source) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM einvoice_request WHERE source = ?)").param(source)
                .query(Boolean.class).single();
    }

    /** The documents issued for a source, oldest first (an original, then what corrected it). */
    public List<Issued> documentsOf(String source) {
        return db.sql(SELECT + " WHERE source = ? ORDER BY created_at").param(source).query(EInvoices::map).list();
    }

    /** The documents that replace or adjust a document, oldest first. */
    public List<Issued> correctionsOf(UUID id) {
        return db.sql(SELECT + " WHERE corrects = ? ORDER BY created_at").param(id).query(EInvoices::map).list();
    }

    public Optional<Issued> byLookupCode(String code) {
        return db.sql(SELECT + " WHERE lookup_code = ?").param(code).query(EInvoices::map).optional();
    }

    public Optional<Issued> byId(UUID id) {
        return db.sql(SELECT + " WHERE id = ?").param(id).query(EInvoices::map).optional();
    }

    /** The market of a bill that asked for no document yet (the bills table is read by id only, for scoping). */
    public Optional<UUID> marketOfBill(UUID billId) {
        return db.sql("SELECT market_id FROM bill WHERE id = ?").param(billId).query(UUID.class).optional();
    }

    /** The signed file, exactly as stored. */
    public byte[] xml(UUID id) {
        return db.sql("SELECT xml FROM e_document WHERE id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
    }

    /** Whether the market issues documents at all: markets with a setting and at least one document. */
    public boolean issues(UUID marketId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM e_document WHERE market_id = ?)").param(marketId)
                .query(Boolean.class).single();
    }

    /** Form and series as printed: {@code 1C26TAA}, or {@code 01BLP0-001 AB-26E} for a receipt. */
    static final String PRINTED = "form || CASE WHEN kind = 'RECEIPT' THEN ' ' ELSE '' END || series";

    static final String SELECT = """
            SELECT id, market_id, kind, form || CASE WHEN kind = 'RECEIPT' THEN ' ' ELSE '' END || series, number, issued_on, source, buyer_name, total_vnd,
                   lookup_code, state, corrects, correction, coalesce(send_problem, cancel_reason, reason),
                   sent_at IS NOT NULL, authority_code
            FROM e_document""";

    static Issued map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Issued(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Kind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                rs.getLong(9), rs.getString(10), rs.getString(11), rs.getObject(12, UUID.class), rs.getString(13),
                rs.getString(14), rs.getBoolean(15), rs.getString(16));
    }
}
