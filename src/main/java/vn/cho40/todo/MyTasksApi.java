package vn.cho40.todo;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cho40.identity.Access;

/** The signed-in user's waiting work as JSON, for the apps: kind, count, link and a label (Vietnamese first). */
@RestController
class MyTasksApi {

    /** One item as the API shows it. */
    record TaskJson(String kind, long count, String href, String label) {
    }

    private final Tasks tasks;
    private final Access access;
    private final MessageSource messages;

    MyTasksApi(Tasks tasks, Access access, MessageSource messages) {
        this.tasks = tasks;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/api/v1/me/tasks")
    @io.swagger.v3.oas.annotations.Operation(operationId = "myTasks",
            summary = "Việc cần làm của người đang đăng nhập: the signed-in user's waiting work (kind, count, link, label)")
    List<TaskJson> mine(Locale locale) {
        return tasks.of(access.require()).stream()
                .map(t -> new TaskJson(t.kind(), t.count(), t.href(),
                        messages.getMessage(t.labelKey(), new Object[] {t.count()}, t.kind(), locale)))
                .toList();
    }
}
