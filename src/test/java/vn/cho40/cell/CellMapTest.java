package vn.cho40.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellMapTest {

    @Test
    void noProvincesIsOneDatabaseHoldingEveryProvince() {
        CellMap map = CellMap.parse("", Map.of());
        assertThat(map.isSingle()).isTrue();
        assertThat(map.holds("01")).isTrue();
        assertThat(map.provincesByUrl()).isEmpty();
    }

    @Test
    void ownProvincesAreHeldAndTheirOwnEntriesIgnored() {
        CellMap map = CellMap.parse(" 19, 11 ,", Map.of("19", "postgres://u:p@a/x", "01", "postgres://u:p@b/cho40"));
        assertThat(map.ownProvinces()).containsExactly("19", "11");
        assertThat(map.holds("11")).isTrue();
        assertThat(map.holds("01")).isFalse();
        assertThat(map.otherCells()).containsOnlyKeys("01");
    }

    @Test
    void provincesSharingADatabaseShareOnePool() {
        CellMap map = CellMap.parse("19", Map.of("79", "postgres://u@south/c", "01", "jdbc:postgresql://north/c",
                "80", "postgres://u@south/c"));
        assertThat(map.provincesByUrl()).containsExactly(Map.entry("jdbc:postgresql://north/c", List.of("01")),
                Map.entry("postgres://u@south/c", List.of("79", "80")));
        assertThat(map.othersList()).isEqualTo("01 | 79, 80");
    }

    @Test
    void malformedConfigurationIsRefusedWithWhatToFix() {
        assertThatThrownBy(() -> CellMap.parse("19,Hà Nội", Map.of()))
                .hasMessageContaining("cho40.cell.provinces").hasMessageContaining("mã tỉnh");
        assertThatThrownBy(() -> CellMap.parse("19", Map.of("1", "postgres://u@h/d")))
                .hasMessageContaining("cho40.cells.1");
        assertThatThrownBy(() -> CellMap.parse("19", Map.of("01", "mysql://h/d")))
                .hasMessageContaining("cho40.cells.01").hasMessageContaining("postgres://");
        assertThatThrownBy(() -> CellMap.parse("19", Map.of("01", " ")))
                .hasMessageContaining("cho40.cells.01");
        assertThatThrownBy(() -> CellMap.parse("", Map.of("01", "postgres://u@h/d")))
                .hasMessageContaining("cho40.cell.provinces");
    }
}
