package vn.cho40.catalogue;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The board's local products, and the trader's own (with the orders buyers placed). */
@Component
class CatalogueMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/products", "catalogue.nav", Permission.PRODUCT_EDIT, 88),
                MenuEntry.trader("/trader/products", "catalogue.nav.trader", 95));
    }
}
