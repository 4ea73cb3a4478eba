package vn.cho40.payment;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.cho40.cell.CellDatabase;
import vn.cho40.cell.CellDatabases;
import vn.cho40.cell.CellMap;

/**
 * Which cell's database a webhook's payment belongs in (docs/architecture.md, "Province cells"): a market's own
 * credentials name their market, which lives here; otherwise the account the money reached decides, found by its
 * number's keyed hash among traders' receiving accounts and boards' collection accounts, here first, then in the
 * other cells. Unknown everywhere: here, as without cells (an exception in the credential's province's queue).
 * Answers are remembered: accounts do not move province, so a found one is kept (up to {@link #CAPACITY} accounts,
 * least recently used out); an unknown one only {@link #UNKNOWN_MILLIS}, as it may be registered in a moment.
 */
@Component
class AccountCells {

    private static final Logger log = LoggerFactory.getLogger(AccountCells.class);
    static final int CAPACITY = 200_000;
    static final long UNKNOWN_MILLIS = 30_000;

    /** Where one payment is stored: {@code cell} null is this server's own database. */
    record Route(CellDatabase cell, String provinceCode) {
        static final Route OWN = new Route(null, null);

        boolean own() {
            return cell == null;
        }
    }

    /** The account is in no cell that answered, and some cell did not answer: storing it anywhere could be wrong. */
    static final class CellUnavailable extends RuntimeException {
        CellUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The province of the account with this number hash in one database ({@code cell} null: the own one). */
    @FunctionalInterface
    interface Lookup {
        Optional<String> province(CellDatabase cell, byte[] numberHash);
    }

    private record Known(Route route, long untilMillis) {
    }

    private final List<CellDatabase> others;
    private final Lookup lookup;
    private final Clock clock;
    private final Map<ByteBuffer, Known> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Known> eldest) {
            return size() > CAPACITY;
        }
    };

    @Autowired
    AccountCells(CellMap map, CellDatabases cells, JdbcTemplate own, Clock clock) {
        this(map.isSingle() ? List.of() : cells.others(), sqlLookup(own), clock);
    }

    AccountCells(List<CellDatabase> others, Lookup lookup, Clock clock) {
        this.others = List.copyOf(others);
        this.lookup = lookup;
        this.clock = clock;
    }

    /** A market of another cell: its id and province there, and where its payments go. */
    record MarketElsewhere(UUID id, String provinceCode, Route route) {
    }

    private final Map<String, MarketElsewhere> marketsElsewhere = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The market a webhook's URL names ({@code /webhooks/payos/TN-DAITU}) when this server's database does not have
     * it: the balancer gives webhooks to any server, and a market with its own credentials lives in one cell. Found
     * ones are kept (markets do not move province); none found is not. Throws {@link CellUnavailable} when a cell
     * did not answer and none that did has it.
     */
    Optional<MarketElsewhere> marketElsewhere(String code) {
        MarketElsewhere known = marketsElsewhere.get(code);
        if (known != null || others.isEmpty()) {
            return Optional.ofNullable(known);
        }
        Optional<MarketElsewhere> found = inOtherCells(cell -> cell.jdbc().query(
                "SELECT id, province_code FROM market WHERE code = ?",
                (rs, n) -> new MarketElsewhere(rs.getObject(1, UUID.class), rs.getString(2),
                        new Route(cell, rs.getString(2))), code).stream().findFirst(), "market");
        found.ifPresent(m -> marketsElsewhere.put(code, m));
        return found;
    }

    /** The other cells' databases this server stores payments into. */
    List<CellDatabase> others() {
        return others;
    }

    /** Where a payment to the account with this hash goes; throws {@link CellUnavailable} when that cannot be known. */
    Route route(byte[] numberHash, UUID marketId) {
        if (others.isEmpty() || marketId != null) {
            return Route.OWN;
        }
        ByteBuffer key = ByteBuffer.wrap(numberHash.clone());
        long now = clock.millis();
        synchronized (cache) {
            Known known = cache.get(key);
            if (known != null && known.untilMillis() > now) {
                return known.route();
            }
        }
        Route route = find(numberHash);
        long until = route == null ? now + UNKNOWN_MILLIS : Long.MAX_VALUE;
        synchronized (cache) {
            cache.put(key, new Known(route == null ? Route.OWN : route, until));
        }
        return route == null ? Route.OWN : route;
    }

    /** The account's cell, or null when no cell has it; the own database is asked first (most payments are its). */
    private Route find(byte[] numberHash) {
        if (lookup.province(null, numberHash).isPresent()) {
            return Route.OWN;
        }
        return inOtherCells(cell -> lookup.province(cell, numberHash).map(province -> new Route(cell, province)),
                "account").orElse(null);
    }

    /**
     * The first other cell's answer; throws {@link CellUnavailable} when none answered yes and one did not answer at
     * all (storing the payment anywhere could then be wrong).
     */
    private <T> Optional<T> inOtherCells(java.util.function.Function<CellDatabase, Optional<T>> ask, String what) {
        DataAccessException unanswered = null;
        CellDatabase silent = null;
        for (CellDatabase cell : others) {
            try {
                Optional<T> found = ask.apply(cell);
                if (found.isPresent()) {
                    return found;
                }
            } catch (DataAccessException e) {
                unanswered = e;
                silent = cell;
            }
        }
        if (unanswered != null) {
            log.warn("Cụm {} không trả lời (cell database unreachable): {}", silent, unanswered.toString());
            throw new CellUnavailable("cell " + silent + " did not answer for a " + what, unanswered);
        }
        return Optional.empty();
    }

    /**
     * Read straight from the tables, in whichever cell's database: the trader and market modules' beans serve only
     * this server's own database. Refused accounts count too: the number still belongs to that province.
     */
    private static Lookup sqlLookup(JdbcTemplate own) {
        return (cell, hash) -> (cell == null ? own : cell.jdbc()).query("""
                SELECT m.province_code FROM receiving_account a JOIN market m ON m.id = a.market_id
                WHERE a.number_hash = ?
                UNION ALL
                SELECT province_code FROM market WHERE collection_account_hash = ?
                LIMIT 1""", (rs, n) -> rs.getString(1), hash, hash).stream().findFirst();
    }
}
