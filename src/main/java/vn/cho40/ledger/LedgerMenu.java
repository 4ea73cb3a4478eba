package vn.cho40.ledger;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The books of a market, for its board, its province and auditors. */
@Component
class LedgerMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/ledger", "nav.ledger", Permission.LEDGER_READ, 80));
    }
}
