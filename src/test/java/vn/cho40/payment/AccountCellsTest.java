package vn.cho40.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import vn.cho40.TestClock;
import vn.cho40.cell.CellDatabase;

/** Which cell a payment is stored in, decided without a database: the lookups are a map per cell. */
class AccountCellsTest {

    private static final byte[] OWN_ACCOUNT = {1};
    private static final byte[] NORTH_ACCOUNT = {2};
    private static final byte[] UNKNOWN = {3};

    private final CellDatabase north = new CellDatabase("north", List.of("01"), null, null, null);
    private final CellDatabase south = new CellDatabase("south", List.of("79"), null, null, null);
    /** What each database holds: number hash (first byte) → province; a cell in {@code down} throws. */
    private final Map<String, Map<Byte, String>> held = new HashMap<>(Map.of(
            "own", Map.of((byte) 1, "19"), "north", Map.of((byte) 2, "01"), "south", Map.of()));
    private final Set<String> down = new HashSet<>();
    private final List<String> asked = new ArrayList<>();
    private final TestClock clock = new TestClock();
    private final AccountCells cells = new AccountCells(List.of(north, south), (cell, hash) -> {
        String name = cell == null ? "own" : cell.name();
        asked.add(name);
        if (down.contains(name)) {
            throw new DataAccessResourceFailureException(name + " is down");
        }
        return Optional.ofNullable(held.get(name).get(hash[0]));
    }, clock);

    @Test
    void withoutOtherCellsEverythingStaysHereUnasked() {
        AccountCells single = new AccountCells(List.of(), (cell, hash) -> {
            throw new AssertionError("no lookup without cells");
        }, clock);
        assertThat(single.route(NORTH_ACCOUNT, null).own()).isTrue();
    }

    @Test
    void aMarketsOwnCredentialStaysHere() {
        assertThat(cells.route(NORTH_ACCOUNT, UUID.randomUUID()).own()).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void anAccountFoundHereStaysHereWithoutAskingTheOthers() {
        assertThat(cells.route(OWN_ACCOUNT, null).own()).isTrue();
        assertThat(asked).containsExactly("own");
    }

    @Test
    void anAccountOfAnotherCellGoesThereWithItsProvinceAndIsRemembered() {
        AccountCells.Route route = cells.route(NORTH_ACCOUNT, null);
        assertThat(route.cell()).isSameAs(north);
        assertThat(route.provinceCode()).isEqualTo("01");
        down.add("north");
        clock.advance(Duration.ofDays(30));
        assertThat(cells.route(NORTH_ACCOUNT.clone(), null).cell()).as("remembered, not asked again").isSameAs(north);
        assertThat(asked).containsExactly("own", "north");
    }

    @Test
    void anAccountNoCellKnowsStaysHereAndIsAskedAgainLater() {
        assertThat(cells.route(UNKNOWN, null).own()).isTrue();
        assertThat(cells.route(UNKNOWN, null).own()).isTrue();
        assertThat(asked).containsExactly("own", "north", "south");
        clock.advance(Duration.ofMillis(AccountCells.UNKNOWN_MILLIS + 1));
        assertThat(cells.route(UNKNOWN, null).own()).isTrue();
        assertThat(asked).hasSize(6);
    }

    @Test
    void aCellThatDoesNotAnswerFailsOnlyWhatNoOtherCellKnows() {
        down.add("north");
        assertThatThrownBy(() -> cells.route(UNKNOWN, null)).isInstanceOf(AccountCells.CellUnavailable.class);
        held.put("south", Map.of((byte) 4, "79"));
        assertThat(cells.route(new byte[] {4}, null).cell()).isSameAs(south);
        assertThat(cells.route(OWN_ACCOUNT, null).own()).isTrue();
    }

    @Test
    void theOwnDatabaseDownFailsTheRequest() {
        down.add("own");
        assertThatThrownBy(() -> cells.route(OWN_ACCOUNT, null)).isInstanceOf(DataAccessResourceFailureException.class);
    }
}
