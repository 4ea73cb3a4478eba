package vn.cho40.identity;

import java.util.List;

/**
 * A module's links in the menu, each with the permission that guards its page ({@link MenuEntry}). Every module that
 * has pages implements it once, beside its pages; {@link Menu} collects them.
 */
public interface MenuContributor {

    List<MenuEntry> menuEntries();
}
