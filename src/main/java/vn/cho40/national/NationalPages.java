package vn.cho40.national;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;

/** {@code /national}: the country's figures per province for a month, from the national database alone. */
@Controller
@NationalRole
class NationalPages {

    private final NationalView view;
    private final Access access;

    NationalPages(NationalView view, Access access) {
        this.view = view;
        this.access = access;
    }

    @GetMapping("/national")
    String figures(@RequestParam(defaultValue = "") String month, Model model) {
        access.requirePermission(Permission.NATIONAL_READ);
        model.addAttribute("figures", view.month(view.parseMonth(month)));
        model.addAttribute("currentMonth", view.currentMonth());
        return "national/figures";
    }
}
