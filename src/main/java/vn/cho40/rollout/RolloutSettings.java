package vn.cho40.rollout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Scope;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;

/** A province's threshold of an active trader, and freezing a closed month on an official's demand. */
@Service
class RolloutSettings {

    private final JdbcClient db;
    private final KpiFigures figures;
    private final KpiSnapshots snapshots;
    private final AuditLog audit;
    private final Clock clock;

    RolloutSettings(JdbcClient db, KpiFigures figures, KpiSnapshots snapshots, AuditLog audit, Clock clock) {
        this.db = db;
        this.figures = figures;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void setThreshold(CurrentUser user, String text) {
        String province = province(user);
        int value;
        try {
            value = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > 1000) {
            throw new InvalidInputException(Violation.of("threshold", "rollout.threshold.invalid"));
        }
        db.sql("""
                INSERT INTO kpi_setting (province_code, active_threshold, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (province_code) DO UPDATE SET active_threshold = excluded.active_threshold,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(province, value, Timestamp.from(clock.instant()), user.username()).update();
        audit.record("KPI_SETTING", "kpi_setting", province, null, province, "active_threshold=" + value);
    }

    /** Freezes a closed month of the user's province (of every province for a national admin). */
    KpiSnapshots.Frozen freeze(CurrentUser user, String monthText) {
        YearMonth month;
        try {
            month = YearMonth.parse(monthText == null ? "" : monthText.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("month", "rollout.reported.month"));
        }
        if (!figures.closed(month)) {
            throw new InvalidInputException(Violation.of("month", "rollout.freeze.notClosed",
                    month.getMonthValue() + "/" + month.getYear()));
        }
        String province = user.scope().kind() == Scope.Kind.NATIONAL ? null : province(user);
        KpiSnapshots.Frozen done = snapshots.freeze(province, month, user.username(), "chốt lại theo yêu cầu");
        audit.record("KPI_FREEZE", "kpi_snapshot", month.toString(), null, province,
                month + ": " + done.first() + "+" + done.revised());
        return done;
    }

    private static String province(CurrentUser user) {
        if (user.scope().kind() != Scope.Kind.PROVINCE) {
            throw new InvalidInputException(Violation.of("province", "rollout.plan.provinceInvalid"));
        }
        return user.scope().code();
    }
}
