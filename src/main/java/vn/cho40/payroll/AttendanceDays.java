package vn.cho40.payroll;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.identity.Access;
import vn.cho40.identity.Permission;
import vn.cho40.market.Market;
import vn.cho40.market.Markets;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.TableFile;
import vn.cho40.shared.Violation;

/**
 * Days worked per person and month, when the board records them: on the phone form or from a file (preview first).
 * A month's run prorates pay by the recorded days against the month's working days; a person without a record is
 * paid by their employment dates as before. Days are refused above what the person could work that month (their
 * dates), and the record is locked once the month's regular run is approved. All or nothing, audited.
 */
@Service
public class AttendanceDays {

    private final JdbcClient db;
    private final StaffRegister staff;
    private final Markets markets;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    AttendanceDays(JdbcClient db, StaffRegister staff, Markets markets, Access access, AuditLog audit, Clock clock) {
        this.db = db;
        this.staff = staff;
        this.markets = markets;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** One person on the month's sheet: the days they could work (by their dates) and the days recorded, if any. */
    public record Entry(StaffMember person, int possible, Integer recorded) {
    }

    /** The month's sheet of a board. */
    public record Sheet(Market market, YearMonth period, int workingDays, List<Entry> entries, boolean locked) {
    }

    public Sheet sheet(String marketCode, YearMonth period) {
        Market market = markets.forStaff(marketCode, Permission.PAYROLL_READ);
        Map<UUID, Integer> recorded = recorded(market.id(), period);
        List<Entry> entries = new ArrayList<>();
        roster(market, period).forEach((s, possible) -> entries.add(new Entry(s, possible, recorded.get(s.id()))));
        return new Sheet(market, period, WorkingDays.inMonth(period), entries, approved(market.id(), period));
    }

    /** The days recorded for the month, by person. */
    Map<UUID, Integer> recorded(UUID marketId, YearMonth period) {
        Map<UUID, Integer> days = new HashMap<>();
        db.sql("SELECT staff_id, worked_days FROM payroll_attendance WHERE market_id = ? AND period = ?")
                .params(marketId, period.atDay(1))
                .query((rs, n) -> days.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return days;
    }

    /**
     * The phone form: days per person as typed; a blank clears the person's record (paid by dates again). Every
     * field is checked before anything is saved.
     */
    @Transactional
    public int record(String marketCode, YearMonth period, Map<UUID, String> typed) {
        return record(marketCode, period, typed, "FORM");
    }

    /** The same for another channel: "API" records what a client sent, checked the same way. */
    @Transactional
    public int record(String marketCode, YearMonth period, Map<UUID, String> typed, String source) {
        Market market = markets.forStaff(marketCode, Permission.PAYROLL_EDIT);
        if (typed.isEmpty()) {
            throw new InvalidInputException(Violation.of("days", "payroll.attendance.none"));
        }
        requireOpen(market, period);
        Map<UUID, StaffMember> byId = new HashMap<>();
        Map<StaffMember, Integer> roster = roster(market, period);
        roster.keySet().forEach(s -> byId.put(s.id(), s));
        List<Violation> problems = new ArrayList<>();
        Map<UUID, Integer> days = new LinkedHashMap<>();
        for (Map.Entry<UUID, String> e : typed.entrySet()) {
            StaffMember person = byId.get(e.getKey());
            if (person == null) {
                problems.add(Violation.of("staffId", "payroll.staff.notFound", e.getKey()));
                continue;
            }
            String text = e.getValue() == null ? "" : e.getValue().strip();
            if (text.isEmpty()) {
                days.put(person.id(), null);
            } else if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) > roster.get(person)) {
                problems.add(Violation.of("days" + person.id(), "payroll.attendance.days", person.fullName(),
                        roster.get(person)));
            } else {
                days.put(person.id(), Integer.parseInt(text));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        save(market, period, days, source);
        return days.size();
    }

    /** What a file of days would record; nothing saved. */
    public AttendanceFile.Preview preview(String marketCode, YearMonth period, String filename, byte[] content) {
        Market market = markets.forStaff(marketCode, Permission.PAYROLL_EDIT);
        requireOpen(market, period);
        return AttendanceFile.check(TableFile.rows(filename, content, TableFile.MAX_ROWS), roster(market, period));
    }

    /** Records a whole file, checked again (the roster may have changed since the preview); refused if any line is wrong. */
    @Transactional
    public int importFile(String marketCode, YearMonth period, String filename, byte[] content) {
        AttendanceFile.Preview p = preview(marketCode, period, filename, content);
        if (!p.valid()) {
            throw new InvalidInputException(Violation.of("file", "payroll.attendance.invalid", p.problems().size()));
        }
        Map<UUID, Integer> days = new LinkedHashMap<>();
        p.rows().forEach(r -> days.put(r.person().id(), r.days()));
        save(markets.forStaff(marketCode, Permission.PAYROLL_EDIT), period, days, "FILE");
        return days.size();
    }

    /** A CSV to fill in: every person employed in the month, with the days they could work. */
    public byte[] template(String marketCode, YearMonth period) {
        Sheet sheet = sheet(marketCode, period);
        StringBuilder csv = new StringBuilder("\uFEFFHọ và tên,CCCD (4 số cuối),Ngày công\r\n");
        for (Entry e : sheet.entries()) {
            csv.append('"').append(e.person().fullName().replace("\"", "\"\"")).append("\",")
                    .append(e.person().idLast4()).append(',')
                    .append(e.recorded() != null ? e.recorded() : e.possible()).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void save(Market market, YearMonth period, Map<UUID, Integer> days, String source) {
        String by = access.require().username();
        for (Map.Entry<UUID, Integer> e : days.entrySet()) {
            if (e.getValue() == null) {
                db.sql("DELETE FROM payroll_attendance WHERE staff_id = ? AND period = ?")
                        .params(e.getKey(), period.atDay(1)).update();
                continue;
            }
            db.sql("""
                    INSERT INTO payroll_attendance (id, market_id, staff_id, period, worked_days, source, recorded_by,
                        recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (staff_id, period) DO UPDATE SET worked_days = excluded.worked_days,
                        source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                    .params(Ids.newId(clock), market.id(), e.getKey(), period.atDay(1), e.getValue(), source, by,
                            Timestamp.from(clock.instant()))
                    .update();
        }
        audit.record("PAYROLL_ATTENDANCE", "market", market.code(), market.id(), market.provinceCode(),
                period + " " + source + " " + days.size());
    }

    /** The people employed in the month and the working days each could work by their dates. */
    private Map<StaffMember, Integer> roster(Market market, YearMonth period) {
        Map<StaffMember, Integer> roster = new LinkedHashMap<>();
        for (StaffMember s : staff.list(market)) {
            int possible = WorkingDays.worked(period, s.startOn(), s.endOn());
            if (possible > 0) {
                roster.put(s, possible);
            }
        }
        return roster;
    }

    private void requireOpen(Market market, YearMonth period) {
        if (approved(market.id(), period)) {
            throw new InvalidInputException(Violation.of("period", "payroll.attendance.locked",
                    period.getMonthValue() + "/" + period.getYear()));
        }
    }

    private boolean approved(UUID marketId, YearMonth period) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM payroll_run WHERE market_id = ? AND period = ? AND kind = 'REGULAR')")
                .params(marketId, period.atDay(1)).query(Boolean.class).single();
    }
}
