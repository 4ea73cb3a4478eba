package vn.cho40.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The audit log, for auditors and administrators. */
@Component
class AuditMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/admin/audit", "nav.audit", Permission.AUDIT_READ, 85));
    }
}
