package vn.cho40.home;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;

/** The start page, first in every staff menu (a trader's start is the app itself). */
@Component
class HomeMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/home", "nav.home", null, 1));
    }
}
