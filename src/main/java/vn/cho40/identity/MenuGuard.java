package vn.cho40.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.cho40.shared.AccessDenied;

/**
 * Refuses (403) a page whose menu entry needs a permission the signed-in user lacks, before its controller runs: the
 * menu and this guard read the same entries. Pages keep their own finer checks (scope, and the permission of each
 * action); nobody signed in is left to the security chain, which sends them to the login page.
 */
@Component
class MenuGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final Menu menu;
    private final Access access;

    MenuGuard(Menu menu, Access access) {
        this.menu = menu;
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // After the language switch (?lang=en): a refusal is said in the language the user just chose.
        registry.addInterceptor(this).order(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CurrentUser user = access.current().orElse(null);
        if (user == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        menu.refusing(path, user).ifPresent(entry -> {
            throw new AccessDenied(entry.permission().name());
        });
        return true;
    }
}
