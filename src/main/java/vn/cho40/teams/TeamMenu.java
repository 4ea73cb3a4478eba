package vn.cho40.teams;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The registry and results for commune officers and the province; the phone log for members. */
@Component
class TeamMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/teams", "teams.nav", Permission.TEAM_MANAGE, 85),
                MenuEntry.staff("/team-log", "teams.nav.log", Permission.TEAM_LOG, 86));
    }
}
