package vn.cho40.trader;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Permission;
import vn.cho40.todo.Task;
import vn.cho40.todo.TaskSource;

/** Account numbers registered a second time wait for a board's review: until then they receive nothing. */
@Component
class AccountReviewTasks implements TaskSource {

    private final AccountReviews reviews;

    AccountReviewTasks(AccountReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (!user.role().isStaff() || !user.may(Permission.TRADER_EDIT)) {
            return List.of();
        }
        long pending = reviews.pendingCount(user.scope());
        return pending == 0 ? List.of()
                : List.of(new Task("ACCOUNTS_TO_REVIEW", pending, "/admin/accounts/review", "todo.accountsToReview"));
    }
}
