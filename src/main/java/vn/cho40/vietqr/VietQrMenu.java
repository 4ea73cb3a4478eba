package vn.cho40.vietqr;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** Inspection rounds for the boards, and the trader's own check of their sign. */
@Component
class VietQrMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/admin/inspections", "nav.inspections", Permission.STALL_EDIT, 40),
                MenuEntry.trader("/trader/check", "selfcheck.title", 92));
    }
}
