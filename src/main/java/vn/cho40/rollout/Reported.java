package vn.cho40.rollout;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.CurrentUser;
import vn.cho40.identity.Scope;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.SearchText;
import vn.cho40.shared.Violation;

/**
 * Figures the platform cannot observe ("11.000 tài khoản Viettel Money mở tại Phú Lương"), entered per unit and
 * month with their source and who entered them. Screens and reports show them as reported, never as measured.
 */
@Service
class Reported {

    public record Figure(UUID id, String regime, String unitCode, String label, YearMonth month, long value, String unit,
                  String source, String enteredBy, Instant enteredAt) {
    }

    record NewFigure(String regime, String unitCode, String label, String month, String value, String unit,
                     String source) {
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;

    Reported(JdbcClient db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    List<Figure> of(String provinceCode, YearMonth month) {
        return db.sql("""
                SELECT id, unit_regime, unit_code, label, month, value, unit, source, entered_by, entered_at
                FROM kpi_reported WHERE province_code = ? AND month = ? ORDER BY entered_at""")
                .params(provinceCode, Date.valueOf(month.atDay(1)))
                .query((rs, n) -> new Figure(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), YearMonth.from(rs.getDate(5).toLocalDate()), rs.getLong(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant())).list();
    }

    @Transactional
    Figure enter(CurrentUser user, NewFigure form) {
        if (user.scope().kind() != Scope.Kind.PROVINCE && user.scope().kind() != Scope.Kind.NATIONAL) {
            throw new vn.cho40.shared.AccessDenied("ROLLOUT_PLAN");
        }
        List<Violation> problems = new ArrayList<>();
        String regime = "pre2025".equals(form.regime()) ? "pre2025" : "2025";
        String code = form.unitCode() == null ? "" : form.unitCode().strip();
        String province = unitProvince(regime, code);
        if (province == null || user.scope().kind() == Scope.Kind.PROVINCE && !province.equals(user.scope().code())) {
            problems.add(Violation.of("unitCode", "rollout.reported.unitInvalid"));
        }
        String label = SearchText.clean(form.label());
        if (label == null || label.strip().length() < 2) {
            problems.add(Violation.of("label", "rollout.reported.labelMissing"));
        }
        YearMonth month = null;
        try {
            month = YearMonth.parse(String.valueOf(form.month()).strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(Violation.of("month", "rollout.reported.month"));
        }
        Long value = null;
        try {
            value = Long.parseLong(String.valueOf(form.value()).strip().replace(".", "").replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(Violation.of("value", "rollout.reported.valueInvalid"));
        }
        if (value != null && value < 0) {
            problems.add(Violation.of("value", "rollout.reported.valueInvalid"));
        }
        String unit = SearchText.clean(form.unit());
        if (unit == null || unit.isBlank()) {
            problems.add(Violation.of("unit", "rollout.reported.unitOfMeasureMissing"));
        }
        String source = SearchText.clean(form.source());
        if (source == null || source.strip().length() < 2) {
            problems.add(Violation.of("source", "rollout.reported.sourceMissing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        db.sql("""
                INSERT INTO kpi_reported (id, province_code, unit_regime, unit_code, label, month, value, unit, source,
                    entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, province, regime, code, label.strip(), Date.valueOf(month.atDay(1)), value, unit.strip(),
                        source.strip(), user.username(), Timestamp.from(now)).update();
        audit.record("KPI_REPORTED", "kpi_reported", id, null, province, label.strip() + ": " + value + " " + unit.strip());
        return new Figure(id, regime, code, label.strip(), month, value, unit.strip(), source.strip(), user.username(), now);
    }

    /** The 2025 province a unit of either regime lies in (a pre-2025 unit: through the markets or the mapping). */
    private String unitProvince(String regime, String code) {
        if (code.isEmpty()) {
            return null;
        }
        if (regime.equals("2025")) {
            return db.sql("""
                    SELECT CASE WHEN level = 'province' THEN code ELSE parent_code END FROM admin_unit
                    WHERE regime = '2025' AND code = ? AND level IN ('province', 'commune')""")
                    .param(code).query(String.class).optional().orElse(null);
        }
        return db.sql("""
                SELECT min(new_province_code) FROM admin_unit_mapping
                WHERE old_district_code = ? OR old_commune_code = ? OR old_province_code = ?""")
                .params(code, code, code).query(String.class).optional().orElse(null);
    }
}
