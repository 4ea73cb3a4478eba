package vn.cho40.market;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.shared.ListPage;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.XlsxTable;

/**
 * A market's stalls for staff, a page at a time or all for an export, with the same filters and search. The
 * caller has checked the market with {@link Markets#forStaff}: reading stalls needs no permission beyond that.
 */
@Service
class StallLists {

    private static final int MAX_QUERY_WORDS = 6;

    private final StallListQueries queries;
    private final StallRepository stalls;

    StallLists(StallListQueries queries, StallRepository stalls) {
        this.queries = queries;
        this.stalls = stalls;
    }

    ListPage<ListedStall> page(Market market, StallFilter filter, int requested) {
        List<StallListQueries.Word> words = words(market, filter.q());
        long total = queries.count(market.id(), filter, words);
        int number = ListPage.clamp(requested, total, ListPage.SIZE);
        return new ListPage<>(queries.page(market.id(), filter, words, ListPage.SIZE,
                ListPage.offset(number, ListPage.SIZE)), number, ListPage.SIZE, total);
    }

    /** Every matching stall in list order; read-only transaction so PostgreSQL hands rows over in batches. */
    @Transactional(readOnly = true)
    void forEach(Market market, StallFilter filter, Consumer<ListedStall> each) {
        queries.forEach(market.id(), filter, words(market, filter.q()), XlsxTable.MAX_ROWS, each);
    }

    /**
     * The query's folded words, each with the zones and categories it names: "rau" finds Rau củ, "do kho" finds
     * Đồ khô, "khu b" zone B. Folding happens here because the database stores names with their diacritics.
     */
    private List<StallListQueries.Word> words(Market market, String query) {
        List<String> words = SearchText.words(query, MAX_QUERY_WORDS);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Zone> zones = stalls.zones(market.id());
        return words.stream().map(w -> new StallListQueries.Word(w,
                zones.stream().filter(z -> beginsAWord(z.name() + " " + z.code(), w)).map(Zone::code).toList(),
                Arrays.stream(GoodsCategory.values()).filter(c -> beginsAWord(c.nameVi(), w)).toList())).toList();
    }

    private static boolean beginsAWord(String name, String word) {
        return (" " + SearchText.fold(name)).contains(" " + word);
    }
}
