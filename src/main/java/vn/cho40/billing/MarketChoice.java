package vn.cho40.billing;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.MarketListing;
import vn.cho40.market.Markets;

/**
 * The market a board's page works on: the one asked for (checked against the user's area), else the user's first
 * market, or only their only one where a page must not guess; the user's markets go to the page for its picker.
 */
@Component
class MarketChoice {

    private final Markets markets;
    private final Access access;

    MarketChoice(Markets markets, Access access) {
        this.markets = markets;
        this.access = access;
    }

    /** Null when no market is asked for and none is chosen by default. */
    Market of(String code, Permission permission, Model model, boolean firstByDefault) {
        CurrentUser user = access.requirePermission(permission);
        List<MarketListing> choices = markets.inScope(user.scope());
        model.addAttribute("markets", choices);
        String c = code != null && !code.isBlank() ? code
                : choices.isEmpty() || (!firstByDefault && choices.size() > 1) ? "" : choices.getFirst().code();
        return c.isBlank() ? null : markets.forStaff(c, permission);
    }
}
