package vn.cho40.billing;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** A market's bills and runs, and the province's rate book, for whoever reads bills. */
@Component
class BillingMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/billing", "nav.billing", Permission.BILL_READ, 85),
                MenuEntry.staff("/billing/rates", "nav.billingRates", Permission.BILL_READ, 86),
                MenuEntry.staff("/billing/cash", "nav.cashDesk", Permission.CASH_COLLECT, 84),
                MenuEntry.staff("/billing/cashbook", "nav.cashBook", Permission.BILL_READ, 84),
                MenuEntry.staff("/billing/arrears", "nav.arrears", Permission.BILL_READ, 87),
                MenuEntry.staff("/billing/stalls", "nav.stallFacts", Permission.BILL_READ, 88),
                MenuEntry.staff("/billing/waivers", "nav.waivers", Permission.BILL_READ, 89),
                MenuEntry.staff("/billing/report", "nav.feeReport", Permission.BILL_READ, 90),
                MenuEntry.staff("/billing/settings", "nav.billingSettings", Permission.BILL_READ, 91));
    }
}
