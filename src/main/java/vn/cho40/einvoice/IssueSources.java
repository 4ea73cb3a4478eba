package vn.cho40.einvoice;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the issuer reads to issue a request: its lines (its own draft, or composed by the module that owns its
 * source), the board's document kind per charge, and the document a correction points at.
 */
@Component
class IssueSources {

    /** An issued document that a correction points at. */
    record Original(UUID id, EInvoices.Kind kind, String form, String series, int number, java.time.LocalDate issuedOn,
                    String source, String state) {
    }

    private final JdbcClient db;
    private final Clock clock;
    private final List<EInvoiceDrafts> drafts;

    IssueSources(JdbcClient db, Clock clock, List<EInvoiceDrafts> drafts) {
        this.db = db;
        this.clock = clock;
        this.drafts = List.copyOf(drafts);
    }

    /**
     * The lines: the request's own draft, or composed now by the module that owns the source. A replacement of a
     * bill's document is composed again from the bill (a trader's name corrected since, say).
     */
    Optional<EInvoices.Draft> draft(EInvoiceIssuer.Request r, Optional<Original> fixed) {
        if (r.draft() != null) {
            return Optional.of(EInvoices.JSON.readValue(r.draft(), EInvoices.Draft.class));
        }
        String source = fixed.map(Original::source).orElse(r.source());
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        Optional<EInvoices.Draft> composed = drafts.stream().map(d -> d.draftOf(source, today))
                .flatMap(Optional::stream).findFirst();
        if (composed.isEmpty() && fixed.isPresent()) {
            // A source nobody composes (a draft given by its asker): the replacement says what the original said.
            composed = db.sql("SELECT CAST(draft AS text) FROM einvoice_request WHERE issued_id = ? AND draft IS NOT NULL")
                    .param(fixed.get().id()).query(String.class).optional()
                    .map(j -> EInvoices.JSON.readValue(j, EInvoices.Draft.class))
                    .map(d -> new EInvoices.Draft(d.buyer(), d.lines(), today));
        }
        if (composed.isPresent() && fixed.isPresent()) {
            // A replacement keeps to the original's kind: only the lines that go on a document of that kind.
            EInvoices.Draft d = composed.get();
            List<EDocument.Line> own = DocumentKinds.split(d.lines(), kinds(r.marketId()), fixed.get().kind())
                    .getOrDefault(fixed.get().kind(), List.of());
            composed = own.isEmpty() ? Optional.empty() : Optional.of(new EInvoices.Draft(d.buyer(), own, d.issuedOn()));
        }
        return composed;
    }

    Map<String, EInvoices.Kind> kinds(UUID marketId) {
        Map<String, EInvoices.Kind> kinds = new java.util.HashMap<>();
        db.sql("SELECT charge, kind FROM einvoice_charge_kind WHERE market_id = ?").param(marketId)
                .query((rs, n) -> kinds.put(rs.getString(1), EInvoices.Kind.valueOf(rs.getString(2)))).list();
        return kinds;
    }

    Optional<Original> original(UUID id) {
        return db.sql(ORIGINAL + " WHERE id = ?").param(id).query(IssueSources::original).optional();
    }

    /** The document of a source and kind that stands now: not replaced or cancelled, and not itself an adjustment. */
    Optional<Original> current(String source, EInvoices.Kind kind) {
        return db.sql(ORIGINAL + """
                 WHERE source = ? AND kind = ? AND state NOT IN ('REPLACED', 'CANCELLED')
                 AND (correction IS NULL OR correction = 'REPLACE') ORDER BY created_at DESC LIMIT 1""")
                .params(source, kind.name()).query(IssueSources::original).optional();
    }

    private static final String ORIGINAL =
            "SELECT id, kind, form, series, number, issued_on, source, state FROM e_document ";

    private static Original original(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Original(rs.getObject(1, UUID.class), EInvoices.Kind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getObject(6, java.time.LocalDate.class), rs.getString(7),
                rs.getString(8));
    }
}
