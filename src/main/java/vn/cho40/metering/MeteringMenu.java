package vn.cho40.metering;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The board's list of sub-meters, and the cashier's round of readings. */
@Component
class MeteringMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/readings", "metering.nav.readings", Permission.METER_READ, 60),
                MenuEntry.staff("/meters", "metering.nav.meters", Permission.METER_EDIT, 62));
    }
}
