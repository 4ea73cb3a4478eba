package vn.cho40.cell;

import org.springframework.stereotype.Component;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/**
 * A province's rows sit in its own cell only: a market (and so its stalls, traders, payments) is created or moved
 * here only when this cell holds its province. Every row carries its market, so guarding the market guards the rest.
 */
@Component
public class CellGuard {

    private final CellMap map;

    public CellGuard(CellMap map) {
        this.map = map;
    }

    public boolean holds(String provinceCode) {
        return map.holds(provinceCode);
    }

    /** Refuses, on {@code field}, a province this cell does not hold, saying which cells hold which provinces. */
    public void requireHeld(String field, String provinceCode) {
        if (map.holds(provinceCode)) {
            return;
        }
        boolean elsewhere = map.otherCells().containsKey(provinceCode);
        throw new InvalidInputException(Violation.of(field,
                elsewhere ? "cell.province.elsewhere" : "cell.province.unmapped",
                provinceCode, map.ownList(), map.othersList().isEmpty() ? "—" : map.othersList()));
    }
}
