package vn.cho40.trader;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The trader pages of staff: the list, the onboarding wizard, and account numbers waiting for review. */
@Component
class TraderMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/admin/traders", "nav.traders", Permission.TRADER_READ, 20),
                MenuEntry.staff("/onboarding", "nav.onboarding", Permission.TRADER_EDIT, 30),
                MenuEntry.staff("/admin/accounts/review", "nav.accountReview", Permission.TRADER_EDIT, 35));
    }
}
