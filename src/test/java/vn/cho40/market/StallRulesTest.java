package vn.cho40.market;

import vn.cho40.shared.RowProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StallRulesTest {

    private final List<RowProblem> problems = new ArrayList<>();

    @Test
    void acceptsAStallAndDerivesItsZone() {
        StallDraft d = StallRules.check(2, " a 12 ", "", "thịt", "7,5", problems).orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(d.code()).isEqualTo("A-12");
        assertThat(d.zoneCode()).isEqualTo("A");
        assertThat(d.zoneName()).isEqualTo("Khu A");
        assertThat(d.category()).isEqualTo(GoodsCategory.THIT);
        assertThat(d.areaM2()).isEqualByComparingTo(new BigDecimal("7.5"));
    }

    @Test
    void reportsEveryProblemOfARowWithItsLine() {
        assertThat(StallRules.check(7, "12", null, "xe máy", "-3", problems)).isEmpty();
        assertThat(problems).extracting(RowProblem::line).containsOnly(7);
        assertThat(problems).extracting(RowProblem::messageKey)
                .containsExactly("stall.code.invalid", "stall.category.unknown", "stall.area.range");
    }

    @Test
    void explainsAMissingOrWordyArea() {
        StallRules.check(3, "B-1", null, "Cá", "", problems);
        StallRules.check(4, "B-2", null, "Cá", "sáu", problems);
        StallRules.check(5, "B-3", null, "Cá", "6.125", problems);
        StallRules.check(6, "B-4", null, "Cá", "20000", problems);
        assertThat(problems).extracting(RowProblem::messageKey)
                .containsExactly("stall.area.required", "stall.area.notNumber", "stall.area.range", "stall.area.range");
    }

    @Test
    void findsDuplicateCodesAndNamesTheFirstLine() {
        List<StallDraft> drafts = List.of(
                StallRules.check(2, "A-1", null, "Cá", "5", problems).orElseThrow(),
                StallRules.check(3, "A-2", null, "Cá", "5", problems).orElseThrow(),
                StallRules.check(4, "a-1", null, "Cá", "5", problems).orElseThrow());
        List<RowProblem> duplicates = StallRules.duplicates(drafts);
        assertThat(duplicates).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.args()).containsExactly("A-1", "2");
        });
    }
}
