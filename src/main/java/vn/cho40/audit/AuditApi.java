package vn.cho40.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;

@RestController
class AuditApi {

    private final AuditLog log;
    private final Access access;

    AuditApi(AuditLog log, Access access) {
        this.log = log;
        this.access = access;
    }

    @GetMapping("/api/v1/audit")
    @Operation(operationId = "listAuditEntries",
            summary = "Nhật ký gần nhất trong địa bàn (lọc theo hành động): the latest audit entries in one's area")
    List<AuditEntry> latest(@RequestParam(defaultValue = "") String action) {
        return log.latest(access.requirePermission(Permission.AUDIT_READ).scope(), action);
    }
}
