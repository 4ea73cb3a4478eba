package vn.cho40.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;

/** The audit log for auditors and administrators, inside their scope. */
@Controller
class AuditPages {

    private final AuditLog log;
    private final Access access;

    AuditPages(AuditLog log, Access access) {
        this.log = log;
        this.access = access;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "") String action, Model model) {
        CurrentUser user = access.requirePermission(Permission.AUDIT_READ);
        model.addAttribute("entries", log.latest(user.scope(), action));
        model.addAttribute("action", action);
        return "audit/log";
    }
}
