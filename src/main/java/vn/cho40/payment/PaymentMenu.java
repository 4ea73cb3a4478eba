package vn.cho40.payment;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The exceptions queue (with the warnings) and bank statements, for whoever reconciles payments. */
@Component
class PaymentMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/payments/exceptions", "nav.payments", Permission.PAYMENT_RECONCILE, 50),
                MenuEntry.staff("/payments/statements", "nav.statements", Permission.PAYMENT_RECONCILE, 55));
    }
}
