package vn.cho40.market;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;

/** The public market directory, first in everyone's menu. */
@Component
class MarketMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.open("/", "nav.directory", 0));
    }
}
