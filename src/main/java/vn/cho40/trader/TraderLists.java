package vn.cho40.trader;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.identity.Scope;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.ListPage;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.XlsxTable;

/**
 * The staff list of traders, a page at a time or all for an export, in the user's scope. A market asked for
 * outside the scope is not found (404), a role without TRADER_READ is refused (403), as on every trader page.
 */
@Service
class TraderLists {

    private static final int MAX_QUERY_WORDS = 6;

    /** What a list covers once checked: the markets, and the one market asked for (null: the whole scope). */
    record Coverage(TraderListQueries.Markets markets, Market market, CurrentUser user) {
    }

    private final TraderListQueries queries;
    private final Markets markets;
    private final Access access;

    TraderLists(TraderListQueries queries, Markets markets, Access access) {
        this.queries = queries;
        this.markets = markets;
        this.access = access;
    }

    /** Checks the user and the market filter; every list and export starts here. */
    Coverage coverage(TraderFilter filter) {
        if (!filter.market().isEmpty()) {
            Market market = markets.forStaff(filter.market(), Permission.TRADER_READ);
            CurrentUser user = access.requirePermission(Permission.TRADER_READ);
            return new Coverage(new TraderListQueries.Markets(user.scope().sql(), market.code(), false), market, user);
        }
        CurrentUser user = access.requirePermission(Permission.TRADER_READ);
        // Stall codes repeat from market to market: name the market when the list may span several.
        boolean severalMarkets = user.scope().kind() != Scope.Kind.MARKET;
        return new Coverage(new TraderListQueries.Markets(user.scope().sql(), null, severalMarkets), null, user);
    }

    ListPage<ListedTrader> page(Coverage coverage, TraderFilter filter, int requested) {
        List<String> words = SearchText.words(filter.q(), MAX_QUERY_WORDS);
        long total = queries.count(coverage.markets(), filter, words);
        int number = ListPage.clamp(requested, total, ListPage.SIZE);
        return new ListPage<>(queries.page(coverage.markets(), filter, words, ListPage.SIZE,
                ListPage.offset(number, ListPage.SIZE)), number, ListPage.SIZE, total);
    }

    /** Every matching trader in list order; read-only transaction so PostgreSQL hands rows over in batches. */
    @Transactional(readOnly = true)
    void forEach(Coverage coverage, TraderFilter filter, Consumer<ListedTrader> each) {
        queries.forEach(coverage.markets(), filter, SearchText.words(filter.q(), MAX_QUERY_WORDS), XlsxTable.MAX_ROWS,
                each);
    }

    /** The markets a user may narrow the list to. */
    List<vn.cho40.market.MarketListing> choices(Coverage coverage) {
        return markets.inScope(coverage.user().scope());
    }
}
