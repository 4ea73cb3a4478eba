package vn.cho40.rollout;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The programme's dashboard first for officials, then plans and the report they send up. */
@Component
class RolloutMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/rollout", "rollout.nav", Permission.ROLLOUT_READ, 5),
                MenuEntry.staff("/rollout/plans", "rollout.nav.plans", Permission.ROLLOUT_PLAN, 6),
                MenuEntry.staff("/rollout/report", "rollout.nav.report", Permission.ROLLOUT_READ, 7));
    }
}
