package vn.cho40.todo;

import java.util.List;
import vn.cho40.identity.CurrentUser;

/**
 * The port a module implements to put its waiting work on people's lists. Answer with counts (indexed count
 * queries), never lists: it runs for every page the user opens (menu badges). Report only what this user may open
 * and work, inside their scope; an empty list when nothing waits.
 */
public interface TaskSource {

    List<Task> tasksFor(CurrentUser user);
}
