package vn.cho40.todo;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.cho40.identity.CurrentUser;

/**
 * Everything waiting for one user, from every {@link TaskSource}: the items with a count above zero, largest first.
 * Counted once per request (the home and the menu's badges on the same page share it).
 */
@Service
public class Tasks {

    private static final String CACHE = Tasks.class.getName() + ".forRequest";
    private final List<TaskSource> sources;

    Tasks(List<TaskSource> sources) {
        this.sources = sources;
    }

    public List<Task> of(CurrentUser user) {
        if (user == null) {
            return List.of();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Counted c
                && c.user().equals(user)) {
            return c.tasks();
        }
        List<Task> tasks = sources.stream().flatMap(s -> s.tasksFor(user).stream()).filter(t -> t.count() > 0)
                .sorted(Comparator.comparingLong(Task::count).reversed().thenComparing(Task::kind)).toList();
        if (request != null) {
            request.setAttribute(CACHE, new Counted(user, tasks), RequestAttributes.SCOPE_REQUEST);
        }
        return tasks;
    }

    /** The sum of the counts of the tasks worked on one page (a menu badge). */
    public static long onPage(List<Task> tasks, String page) {
        return tasks.stream().filter(t -> t.page().equals(page)).mapToLong(Task::count).sum();
    }

    private record Counted(CurrentUser user, List<Task> tasks) {
    }
}
