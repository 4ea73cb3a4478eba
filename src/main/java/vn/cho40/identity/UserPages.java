package vn.cho40.identity;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cho40.platform.FormErrors;
import vn.cho40.shared.InvalidInputException;

/** Users and roles: administrators list and add staff accounts inside their scope. */
@Controller
class UserPages {

    private final UserAdmin admin;
    private final FormErrors formErrors;

    UserPages(UserAdmin admin, FormErrors formErrors) {
        this.admin = admin;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        return page(model, Map.of(), Map.of());
    }

    @PostMapping("/admin/users")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletResponse response) {
        try {
            StaffUser u = admin.create(new StaffUsers.NewUser(form.get("username"), form.get("fullName"),
                    form.get("password"), parse(Role.class, form.get("role")),
                    parse(Scope.Kind.class, form.get("scopeKind")), form.get("scopeCode"), null));
            redirect.addFlashAttribute("notice", "user.created");
            redirect.addFlashAttribute("noticeArg", u.username());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            response.setStatus(422); // refused input, as the API answers it
            return page(model, formErrors.of(e), form);
        }
    }

    private String page(Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("users", admin.list());
        model.addAttribute("roles", java.util.Arrays.stream(Role.values()).filter(Role::isStaff).toList());
        model.addAttribute("kinds", java.util.List.of(Scope.Kind.NATIONAL, Scope.Kind.PROVINCE, Scope.Kind.COMMUNE,
                Scope.Kind.MARKET));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "identity/users";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
