package vn.cho40.rollout;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each night, freezes the month that ended for every market not frozen yet. Nightly rather than once on the first
 * of the month, so a server that was down that night catches up the next; markets already frozen are left alone.
 */
@Component
class RolloutTasks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RolloutTasks.class);

    private final KpiSnapshots snapshots;
    private final KpiFigures figures;

    RolloutTasks(KpiSnapshots snapshots, KpiFigures figures) {
        this.snapshots = snapshots;
        this.figures = figures;
    }

    @Scheduled(cron = "${cho40.rollout.freeze-cron:0 30 0 * * *}", zone = "Asia/Ho_Chi_Minh")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "rollout.freeze-month", lockAtMostFor = "PT1H")
    void freezeLastMonth() {
        var month = figures.currentMonth().minusMonths(1);
        KpiSnapshots.Frozen done = snapshots.freeze(null, month, "system", null, true);
        if (done.first() > 0) {
            log.info("Đã chốt số liệu tháng {} cho {} chợ (froze month {} for {} markets)", month, done.first(), month,
                    done.first());
        }
    }
}
