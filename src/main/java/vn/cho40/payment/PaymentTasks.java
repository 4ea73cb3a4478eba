package vn.cho40.payment;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.todo.Task;
import vn.cho40.todo.TaskSource;

/** Payments waiting for a person: exceptions of the queue, and warnings to look into, both in the user's scope. */
@Component
class PaymentTasks implements TaskSource {

    private final PaymentExceptions exceptions;
    private final PaymentWarnings warnings;

    PaymentTasks(PaymentExceptions exceptions, PaymentWarnings warnings) {
        this.exceptions = exceptions;
        this.warnings = warnings;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (!user.role().isStaff() || !user.may(Permission.PAYMENT_RECONCILE)) {
            return List.of();
        }
        List<Task> tasks = new ArrayList<>(2);
        long open = exceptions.count(user.scope());
        if (open > 0) {
            tasks.add(new Task("PAYMENT_EXCEPTIONS", open, "/payments/exceptions", "todo.paymentExceptions"));
        }
        long warned = warnings.count(user.scope());
        if (warned > 0) {
            tasks.add(new Task("PAYMENT_WARNINGS", warned, "/payments/exceptions#warnings", "todo.paymentWarnings"));
        }
        return tasks;
    }
}
