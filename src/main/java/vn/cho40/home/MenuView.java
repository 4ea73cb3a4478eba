package vn.cho40.home;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.cho40.identity.Access;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Menu;
import vn.cho40.todo.Task;
import vn.cho40.todo.Tasks;

/**
 * The page frame's menu, as {@code ${@nav.items()}} in layout.html: the links the signed-in user may open, each
 * with the count of what waits on that page. Computed only when a page is rendered (not for API calls or the feed).
 */
@Component("nav")
public class MenuView {

    /** One link: where, its label's key, how many things wait there, and whether it is the page being shown. */
    public record Item(String path, String labelKey, long badge, boolean current) {
    }

    private final Menu menu;
    private final Tasks tasks;
    private final Access access;

    MenuView(Menu menu, Tasks tasks, Access access) {
        this.menu = menu;
        this.tasks = tasks;
        this.access = access;
    }

    public List<Item> items() {
        CurrentUser user = access.current().orElse(null);
        List<Task> waiting = tasks.of(user);
        String here = currentPath();
        return menu.shownTo(user).stream()
                .map(e -> new Item(e.path(), e.labelKey(), Tasks.onPage(waiting, e.path()), e.path().equals(here)))
                .toList();
    }

    private static String currentPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRequestURI().substring(request.getContextPath().length());
        }
        return "";
    }
}
