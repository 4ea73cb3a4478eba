package vn.cho40.audit;

import java.time.Instant;
import java.util.UUID;

/** One audited fact. Entries are never changed or deleted. */
public record AuditEntry(UUID id, Instant at, String actor, String actorRole, String action, String subjectType,
                         String subjectId, UUID marketId, String provinceCode, String detail, String remoteAddr) {

    /** dd/MM/yyyy HH:mm in Vietnam time. */
    public String atLocal() {
        return vn.cho40.shared.VnFormats.dateTime(at);
    }
}
