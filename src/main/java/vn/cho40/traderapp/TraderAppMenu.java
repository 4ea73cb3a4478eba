package vn.cho40.traderapp;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;

/** The trader's app: the QR, takings and live feed, then the revenue book. */
@Component
class TraderAppMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.trader("/trader", "nav.myApp", 90), MenuEntry.trader("/trader/book", "book.title", 91),
                MenuEntry.trader("/trader/bills", "billing.trader.title", 93));
    }
}
