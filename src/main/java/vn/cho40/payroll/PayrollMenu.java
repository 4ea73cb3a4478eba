package vn.cho40.payroll;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.MenuContributor;
import vn.cho40.identity.MenuEntry;
import vn.cho40.identity.Permission;

/** The board's payroll: staff register, monthly runs, bank files and payslips. */
@Component
class PayrollMenu implements MenuContributor {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(MenuEntry.staff("/payroll", "payroll.nav", Permission.PAYROLL_READ, 85));
    }
}
