package vn.cho40.payroll;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Days worked per person and month over JSON, for a time clock or a spreadsheet tool; checked as on the form. */
@RestController
@RequestMapping("/api/v1/payroll/markets/{code}/attendance")
@Tag(name = "Lương (payroll)")
class AttendanceApi {

    private final AttendanceDays attendance;

    AttendanceApi(AttendanceDays attendance) {
        this.attendance = attendance;
    }

    record EntryJson(UUID staffId, String fullName, int possibleDays, Integer recordedDays) {
    }

    record SheetJson(String period, int workingDays, boolean locked, List<EntryJson> entries) {
    }

    /** Days by staff id; null clears a person's record (paid by their dates again). */
    record DaysRequest(Map<UUID, Integer> days) {
    }

    @GetMapping
    @Operation(operationId = "getPayrollAttendance", summary = "Ngày công của tháng (yyyy-MM): a month's days worked")
    SheetJson get(@PathVariable String code, @RequestParam(defaultValue = "") String period) {
        AttendanceDays.Sheet s = attendance.sheet(code, PayrollPages.month(period));
        return new SheetJson(s.period().toString(), s.workingDays(), s.locked(), s.entries().stream()
                .map(e -> new EntryJson(e.person().id(), e.person().fullName(), e.possible(), e.recorded())).toList());
    }

    @PutMapping
    @Operation(operationId = "putPayrollAttendance", summary = "Ghi ngày công của tháng: record a month's days worked")
    SheetJson put(@PathVariable String code, @RequestParam(defaultValue = "") String period,
                  @RequestBody(required = false) DaysRequest r) {
        Map<UUID, String> typed = new LinkedHashMap<>();
        if (r != null && r.days() != null) {
            r.days().forEach((id, days) -> typed.put(id, days == null ? "" : String.valueOf(days)));
        }
        // Scope first, then the body: another board learns nothing from a 422.
        attendance.record(code, PayrollPages.month(period), typed, "API");
        return get(code, period);
    }
}
