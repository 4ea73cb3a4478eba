package vn.cho40.einvoice;

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
import org.w3c.dom.Element;
import vn.cho40.audit.AuditLog;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Money;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.VnFormats;
import vn.cho40.shared.Violation;

/**
 * The board corrects an issued document as Decree 123/2020 (amended by Decree 70/2025) allows, never by changing it:
 * a replacing document (thay thế) or an adjusting one (điều chỉnh) that points at it, issued and numbered by the
 * issuer like any other, or cancelling one issued in error (its number stays used, the register shows it cancelled).
 * Each is audited, with its reason, in the document's market.
 */
@Service
class EInvoiceCorrections {

    /** Direction of an adjustment: take off (giảm) or add (tăng). */
    enum Direction { DOWN, UP }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    EInvoiceCorrections(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    private record Target(UUID id, UUID marketId, EInvoices.Kind kind, String printed, int number, String state,
                          long totalVnd, String source, String correction) {
    }

    @Transactional
    void cancel(UUID marketId, String provinceCode, UUID documentId, String reasonText, String by) {
        Target t = target(marketId, documentId);
        List<Violation> problems = new ArrayList<>();
        String reason = reason(reasonText, problems);
        open(t, problems);
        boolean corrected = db.sql("SELECT EXISTS (SELECT 1 FROM e_document WHERE corrects = ? AND state <> 'CANCELLED')")
                .param(t.id()).query(Boolean.class).single();
        if (corrected) {
            problems.add(Violation.of("document", "einvoice.correction.hasCorrections"));
        }
        // Once a provider has it, the tax authority has it: Decree 70/2025 fixes it by adjusting or replacing.
        boolean sent = db.sql("SELECT sent_at IS NOT NULL FROM e_document WHERE id = ?").param(t.id())
                .query(Boolean.class).single();
        if (sent) {
            problems.add(Violation.of("document", "einvoice.correction.sentCannotCancel"));
        }
        refuseIf(problems);
        // Not sent yet: it never will be.
        db.sql("""
                UPDATE e_document SET state = 'CANCELLED', cancel_reason = ?, cancelled_at = ?, cancelled_by = ?,
                       send_next_at = NULL
                WHERE id = ?""").params(reason, Timestamp.from(clock.instant()), by, t.id()).update();
        audit.record("EINVOICE_CANCEL", "e_document", t.id(), marketId, provinceCode,
                t.printed() + " số " + t.number() + ": " + reason);
    }

    /** Asks for a replacing document, composed again from the original's source; returns the request's id. */
    @Transactional
    UUID replace(UUID marketId, String provinceCode, UUID documentId, String reasonText, String by) {
        Target t = target(marketId, documentId);
        List<Violation> problems = new ArrayList<>();
        String reason = reason(reasonText, problems);
        open(t, problems);
        if ("ADJUST".equals(t.correction())) {
            // A replacement restates its source whole; an adjustment is corrected by another adjustment.
            problems.add(Violation.of("document", "einvoice.correction.replaceAdjustment"));
        }
        refuseIf(problems);
        UUID request = request(t, "REPLACE", null, reason);
        audit.record("EINVOICE_REPLACE", "e_document", t.id(), marketId, provinceCode,
                t.printed() + " số " + t.number() + ": " + reason);
        return request;
    }

    /**
     * Asks for an adjusting document of one line: the amount (VAT included, as fees are priced) taken off or added,
     * at the original's rate. What an adjustment takes off never exceeds what the original still states.
     */
    @Transactional
    UUID adjust(UUID marketId, String provinceCode, UUID documentId, String directionText, String amountText,
                String reasonText, String by) {
        Target t = target(marketId, documentId);
        List<Violation> problems = new ArrayList<>();
        String reason = reason(reasonText, problems);
        open(t, problems);
        Direction direction = "UP".equals(directionText) ? Direction.UP
                : "DOWN".equals(directionText) ? Direction.DOWN : null;
        if (direction == null) {
            problems.add(Violation.of("direction", "einvoice.correction.direction"));
        }
        long standing = t.totalVnd() + db.sql("SELECT coalesce(sum(total_vnd), 0) FROM e_document WHERE corrects = ? "
                + "AND correction = 'ADJUST' AND state <> 'CANCELLED'").param(t.id()).query(Long.class).single();
        long max = direction == Direction.DOWN ? standing : 1_000_000_000L;
        Optional<Money> amount = Money.parse(amountText == null ? "" : amountText);
        if (amount.isEmpty() || amount.get().vnd() <= 0 || amount.get().vnd() > max) {
            problems.add(Violation.of("amount", "einvoice.correction.amount", Money.vnd(Math.max(0, max)).format()));
        }
        refuseIf(problems);
        byte[] xml = db.sql("SELECT xml FROM e_document WHERE id = ?").param(t.id())
                .query((rs, n) -> rs.getBytes(1)).single();
        long gross = direction == Direction.DOWN ? -amount.get().vnd() : amount.get().vnd();
        EInvoices.Draft draft = adjustingDraft(xml, t, direction, gross, reason);
        UUID request = request(t, "ADJUST", EInvoices.JSON.writeValueAsString(draft), reason);
        audit.record("EINVOICE_ADJUST", "e_document", t.id(), marketId, provinceCode, t.printed() + " số "
                + t.number() + (direction == Direction.DOWN ? " − " : " + ") + amount.get().format() + ": " + reason);
        return request;
    }

    /** The buyer as the original names them, one line at the original's first VAT rate (none on a receipt). */
    private EInvoices.Draft adjustingDraft(byte[] xml, Target t, Direction direction, long gross, String reason) {
        org.w3c.dom.Document doc;
        try {
            doc = InvoiceXml.parse(xml);
        } catch (Exception e) {
            throw new IllegalStateException("a stored document no longer reads: " + t.id(), e);
        }
        DocumentShape shape = DocumentShape.ofRoot(doc.getDocumentElement().getTagName()).orElseThrow();
        Element content = DocumentCheck.first(DocumentCheck.first(doc.getDocumentElement(), shape.data()),
                shape.content());
        Element buyer = DocumentCheck.first(content, "NMua");
        String rate = null;
        Element firstLine = DocumentCheck.first(DocumentCheck.first(content, "DSHHDVu"), "HHDVu");
        if (firstLine != null && DocumentCheck.first(firstLine, "TSuat") != null) {
            rate = DocumentCheck.first(firstLine, "TSuat").getTextContent().strip();
        }
        long before = rate == null ? gross : VatRates.beforeVat(gross, rate);
        String name = (direction == Direction.DOWN ? "Điều chỉnh giảm" : "Điều chỉnh tăng") + " cho "
                + (t.kind() == EInvoices.Kind.RECEIPT ? "biên lai " : "hóa đơn ") + t.printed() + " số " + t.number()
                + ": " + reason;
        return new EInvoices.Draft(new EDocument.Party(text(buyer, "Ten"), blankToNull(text(buyer, "MST")),
                blankToNull(text(buyer, "DChi"))),
                List.of(new EDocument.Line(name.length() > 500 ? name.substring(0, 500) : name, "khoản", 1000, before,
                        before, rate)),
                LocalDate.now(clock.withZone(VnFormats.VIETNAM)));
    }

    private UUID request(Target t, String correction, String draftJson, String reason) {
        UUID id = Ids.newId(clock);
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("""
                INSERT INTO einvoice_request (id, market_id, source, kind, draft, requested_at, next_try_at, corrects,
                                              correction, reason)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)""")
                .params(id, t.marketId(), "correction:" + id, t.kind().name(), draftJson, now, now, t.id(), correction,
                        reason)
                .update();
        return id;
    }

    private Target target(UUID marketId, UUID documentId) {
        return db.sql("SELECT id, market_id, kind, " + EInvoices.PRINTED + ", number, state, total_vnd, source, "
                        + "correction FROM e_document WHERE id = ? AND market_id = ? FOR UPDATE")
                .params(documentId, marketId)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        EInvoices.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getLong(7), rs.getString(8), rs.getString(9)))
                .optional().orElseThrow(() -> new vn.cho40.shared.NotFoundException("einvoice.notFound", documentId));
    }

    /** Only a document in force can be corrected, and one correction at a time. */
    private void open(Target t, List<Violation> problems) {
        if (t.state().equals("CANCELLED") || t.state().equals("REPLACED")) {
            problems.add(Violation.of("document", "einvoice.correction.closed"));
        }
        boolean pending = db.sql("SELECT EXISTS (SELECT 1 FROM einvoice_request WHERE corrects = ? AND issued_id IS NULL)")
                .param(t.id()).query(Boolean.class).single();
        if (pending) {
            problems.add(Violation.of("document", "einvoice.correction.pending"));
        }
    }

    private static String reason(String text, List<Violation> problems) {
        String why = SearchText.clean(text);
        if (why == null || why.length() < 3 || why.length() > 300) {
            problems.add(Violation.of("reason", "einvoice.correction.reason"));
        }
        return why;
    }

    private static void refuseIf(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String text(Element parent, String name) {
        Element e = DocumentCheck.first(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
