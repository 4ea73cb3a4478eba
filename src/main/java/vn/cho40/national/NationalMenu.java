package vn.cho40.national;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The national figures, right after the home, on a national server only (a cell has no national database). */
@Component
@NationalRole
class NationalMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/national", "national.nav", Permission.NATIONAL_READ, 4));
    }
}
