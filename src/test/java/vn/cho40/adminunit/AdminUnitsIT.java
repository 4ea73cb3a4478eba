package vn.cho40.adminunit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cho40.IntegrationTest;
import vn.cho40.adminunit.AdminUnit.Level;
import vn.cho40.adminunit.AdminUnit.Regime;

@IntegrationTest
class AdminUnitsIT {

    @Autowired
    AdminUnits units;
    @Autowired
    AdminUnitLoader loader;

    @Test
    void bothRegimesAreLoadedWithTheOfficialCounts() {
        assertThat(units.count(Regime.CURRENT, Level.PROVINCE)).isEqualTo(34);
        assertThat(units.count(Regime.CURRENT, Level.COMMUNE)).isEqualTo(3321);
        assertThat(units.count(Regime.PRE_2025, Level.PROVINCE)).isEqualTo(63);
        assertThat(units.count(Regime.PRE_2025, Level.DISTRICT)).isEqualTo(696);
        assertThat(units.count(Regime.PRE_2025, Level.COMMUNE)).isEqualTo(10035);
    }

    @Test
    void aSecondLoadAddsNothing() {
        assertThat(loader.loadAll()).isZero();
        assertThat(units.count(Regime.CURRENT, Level.COMMUNE)).isEqualTo(3321);
    }

    @Test
    void codesKeepLeadingZerosAndAreUniqueOnlyWithinARegime() {
        // 05611 is thị trấn Đu before 2025 and xã Phú Lương after: one code, two units.
        assertThat(units.find(Regime.PRE_2025, "05611")).get().extracting(AdminUnit::name).isEqualTo("Đu");
        assertThat(units.find(Regime.CURRENT, "05611")).get().extracting(AdminUnit::name).isEqualTo("Phú Lương");
        assertThat(units.find(Regime.CURRENT, "01")).get().extracting(AdminUnit::fullName)
                .isEqualTo("Thành phố Hà Nội");
    }

    @Test
    void searchIgnoresCaseAndDiacriticsIncludingD() {
        assertThat(units.search(Regime.CURRENT, Level.COMMUNE, "dai tu")).extracting(AdminUnit::name)
                .first().isEqualTo("Đại Từ");
        assertThat(units.search(Regime.PRE_2025, Level.DISTRICT, "DAI TU")).extracting(AdminUnit::code)
                .contains("171");
    }

    @Test
    void theMappingLeadsOldCommunesToNewOnes() {
        assertThat(units.successors("05761")).singleElement().satisfies(m -> {
            assertThat(m.newCommuneCode()).isEqualTo("05488");
            assertThat(m.relation()).isEqualTo("full");
        });
        assertThat(units.successors("00007")).extracting(AdminUnitMapping::relation).contains("partial");
    }
}
