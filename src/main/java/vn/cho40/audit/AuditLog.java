package vn.cho40.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Scope;
import vn.cho40.shared.Ids;

/** Records audit entries in the caller's transaction, so an entry exists exactly when its action happened. */
@Service
public class AuditLog {

    private static final int PAGE = 200;
    private final JdbcClient db;
    private final Access access;
    private final Clock clock;

    AuditLog(JdbcClient db, Access access, Clock clock) {
        this.db = db;
        this.access = access;
        this.clock = clock;
    }

    public void record(String action, String subjectType, Object subjectId, UUID marketId, String provinceCode,
                       String detail) {
        CurrentUser user = access.current().orElse(null);
        db.sql("""
                INSERT INTO audit_log (id, at, actor, actor_role, action, subject_type, subject_id, market_id,
                    province_code, detail, remote_addr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), Timestamp.from(clock.instant()), user == null ? "system" : user.username(),
                        user == null ? "SYSTEM" : user.role().name(), action, subjectType,
                        subjectId == null ? null : subjectId.toString(), marketId, provinceCode, detail, remoteAddr())
                .update();
    }

    @org.springframework.context.event.EventListener
    void on(vn.cho40.identity.StaffUserCreated e) {
        record("USER_CREATE", "staff_user", e.username(), null, e.provinceCode(),
                e.role() + " " + e.scopeKind() + (e.scopeCode() == null ? "" : " " + e.scopeCode()));
    }

    /** The latest entries inside a scope (markets of the scope, by province for province-wide users). */
    public List<AuditEntry> latest(Scope scope, String action) {
        return latest(scope, action, PAGE);
    }

    /** The same, at most {@code limit} of them (a start page shows a few). */
    public List<AuditEntry> latest(Scope scope, String action, int limit) {
        Scope.SqlFilter f = scope.sql();
        String where = switch (scope.kind()) {
            case NATIONAL -> "true";
            case PROVINCE -> "a.province_code = ?";
            default -> "a.market_id IN (SELECT m.id FROM market m WHERE " + f.condition() + ")";
        };
        List<Object> params = new java.util.ArrayList<>(scope.kind() == Scope.Kind.NATIONAL ? List.of()
                : scope.kind() == Scope.Kind.PROVINCE ? List.of(scope.code()) : f.params());
        String actionFilter = "";
        if (action != null && !action.isBlank()) {
            actionFilter = " AND a.action = ?";
            params.add(action);
        }
        params.add(Math.min(Math.max(limit, 1), PAGE));
        return db.sql("SELECT * FROM audit_log a WHERE " + where + actionFilter + " ORDER BY a.at DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("actor_role"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getObject("market_id", UUID.class),
                        rs.getString("province_code"), rs.getString("detail"), rs.getString("remote_addr")))
                .list();
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return "cli";
    }
}
