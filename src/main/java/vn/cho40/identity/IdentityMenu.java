package vn.cho40.identity;

import java.util.List;
import org.springframework.stereotype.Component;

/** Identity's page in the menu: staff accounts, for administrators. */
@Component
class IdentityMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/admin/users", "nav.users", Permission.USER_ADMIN, 80));
    }
}
