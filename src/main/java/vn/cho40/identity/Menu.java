package vn.cho40.identity;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * All modules' menu entries: the links a user's menu shows, and the guard {@link MenuGuard} applies to the same
 * paths. Built once at start-up; entries are constant.
 */
@Component
public class Menu {

    private final List<MenuEntry> entries;

    Menu(List<MenuContributor> contributors) {
        this.entries = contributors.stream().flatMap(c -> c.menuEntries().stream())
                .sorted(Comparator.comparingInt(MenuEntry::order).thenComparing(MenuEntry::path)).toList();
    }

    /** The links this user (null: nobody signed in) sees, in order. */
    public List<MenuEntry> shownTo(CurrentUser user) {
        return entries.stream().filter(e -> e.shownTo(user)).toList();
    }

    /** The first entry covering the path whose permission this user lacks, if any: the guard refuses the request. */
    public java.util.Optional<MenuEntry> refusing(String requestPath, CurrentUser user) {
        return entries.stream().filter(e -> e.covers(requestPath) && !e.allows(user)).findFirst();
    }

    public List<MenuEntry> all() {
        return entries;
    }
}
