package vn.cho40.einvoice;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The register of e-documents, for whoever reads a market's bills. */
@Component
class EInvoiceMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/einvoices", "nav.einvoices", Permission.BILL_READ, 95));
    }
}
