package vn.cho40.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.todo.Tasks;

/**
 * {@code /home}: where every login lands. Each role sees first what it does (the staff form login's success URL and
 * the trader login both lead here); a trader goes on to the app, whose first screen is the QR and today's takings.
 */
@Controller
class HomePages {

    private final HomeViews views;
    private final Tasks tasks;
    private final Access access;

    HomePages(HomeViews views, Tasks tasks, Access access) {
        this.views = views;
        this.tasks = tasks;
        this.access = access;
    }

    @GetMapping("/home")
    String home(Model model) {
        CurrentUser user = access.require();
        if (!user.role().isStaff()) {
            return "redirect:/trader";
        }
        model.addAttribute("user", user);
        model.addAttribute("tasks", tasks.of(user));
        return switch (user.role()) {
            case SYSTEM_ADMIN, PROVINCE_ADMIN, COMMUNE_OFFICER -> {
                model.addAttribute("area", views.area(user));
                yield "home/area";
            }
            case MARKET_MANAGER -> {
                model.addAttribute("day", views.marketDay(user));
                yield "home/market";
            }
            case MARKET_CASHIER -> {
                model.addAttribute("day", views.marketDay(user));
                yield "home/cashier";
            }
            case TECH_MEMBER -> {
                model.addAttribute("tech", views.tech(user));
                yield "home/tech";
            }
            case AUDITOR -> {
                model.addAttribute("auditor", views.auditor(user));
                yield "home/auditor";
            }
            case TRADER -> "redirect:/trader";
        };
    }
}
