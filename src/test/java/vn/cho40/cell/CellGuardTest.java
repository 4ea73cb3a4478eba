package vn.cho40.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

class CellGuardTest {

    private final CellGuard guard = new CellGuard(CellMap.parse("19,11", Map.of("01", "postgres://u@north/c")));

    @Test
    void aProvinceOfThisCellPasses() {
        guard.requireHeld("communeCode", "11");
        assertThat(guard.holds("19")).isTrue();
    }

    @Test
    void aProvinceOfAnotherCellIsRefusedNamingTheCells() {
        Violation v = catchThrowableOfType(InvalidInputException.class, () -> guard.requireHeld("communeCode", "01"))
                .violations().getFirst();
        assertThat(v.field()).isEqualTo("communeCode");
        assertThat(v.messageKey()).isEqualTo("cell.province.elsewhere");
        assertThat(v.args()).containsExactly("01", "19, 11", "01");
    }

    @Test
    void aProvinceNoCellHoldsIsRefusedToo() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> guard.requireHeld("communeCode", "79"))
                .violations().getFirst().messageKey()).isEqualTo("cell.province.unmapped");
    }
}
