package vn.cho40.metering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.market.Market;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.RowProblem;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/**
 * Meter readings: one at a time from the cashier's phone or the API, many from a file with a preview first. Each
 * reading is checked by {@link ReadingRules} with its meter's row locked, so two phones cannot both pass the check.
 */
@Service
class MeterReadings {

    private final MeterStore store;
    private final Meters meters;
    private final Stalls stalls;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    MeterReadings(MeterStore store, Meters meters, Stalls stalls, AuditLog audit, Clock clock, JdbcTemplate jdbc) {
        this.store = store;
        this.meters = meters;
        this.stalls = stalls;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A reading as typed: the meter by serial (kind only when two meters share it) or by stall and kind. */
    record Request(String meterSerial, String stallCode, String kind, String readOn, String value,
                   boolean confirmJump) {
    }

    /** A saved reading with the point it followed, for the answer and the next screen. */
    record Saved(UUID id, Meter meter, LocalDate readOn, long value, ReadingRules.Point previous, boolean jump) {
        long consumption() {
            return value - previous.value();
        }
    }

    /**
     * One screen of the cashier's round: a stall's meter of one kind, its last point, and the meters before and after
     * it on the walk (a stall's electricity then its water, stall after stall), so one walk reads every meter.
     */
    record Screen(Stall stall, MeterKind kind, Meter meter, ReadingRules.Point last, boolean readToday,
                  Stop previous, Stop next, LocalDate today) {
    }

    /** A meter on the walk: its stall and its kind. */
    record Stop(String stallCode, MeterKind kind) {
    }

    LocalDate today() {
        return VnFormats.businessDate(clock.instant());
    }

    @Transactional
    Saved record(Market market, Request r, ReadingSource source, String by) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = today();
        Optional<LocalDate> day = MeterRules.date(r.readOn(), today, "readOn", v);
        Optional<Long> value = ReadingRules.parseValue(r.value(), v, "value");
        Optional<Meter> meter = resolve(market, r.meterSerial(), r.stallCode(), r.kind(), day.orElse(today), v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        store.lock(meter.get().id());
        ReadingRules.MeterState state = meters.state(meter.get());
        ReadingRules.Verdict verdict = ReadingRules.check(state, day.get(), value.get(), r.confirmJump(), today);
        if (!verdict.accepted()) {
            throw new InvalidInputException(verdict.violations());
        }
        UUID id = Ids.newId(clock);
        try {
            store.insertReading(id, meter.get(), day.get(), value.get(), source, verdict.jump(), by, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("readOn", "metering.reading.duplicate", meter.get().serial(),
                    VnFormats.date(day.get()), "?", meter.get().kind().unit()));
        }
        ReadingRules.Point previous = state.before(day.get()).getLast();
        audit.record("METER_READING", "meter", meter.get().serial(), market.id(), market.provinceCode(),
                meter.get().stallCode() + " " + VnFormats.date(day.get()) + " " + value.get()
                        + (verdict.jump() ? " (jump confirmed)" : "") + " " + source);
        return new Saved(id, meter.get(), day.get(), value.get(), previous, verdict.jump());
    }

    /** The meter a reading names: by serial, or the stall's meter of that kind in service on the day. */
    Optional<Meter> resolve(Market market, String serialText, String stallCode, String kindText, LocalDate day,
                            List<Violation> v) {
        boolean bySerial = serialText != null && !serialText.isBlank();
        if (bySerial) {
            Optional<String> serial = MeterRules.serial(serialText, "meterSerial", v);
            Optional<MeterKind> kind = kindText == null || kindText.isBlank() ? Optional.empty()
                    : MeterRules.kind(kindText, "kind", v);
            if (serial.isEmpty()) {
                return Optional.empty();
            }
            List<Meter> found = store.bySerial(market.id(), serial.get()).stream()
                    .filter(m -> kind.isEmpty() || m.kind() == kind.get()).toList();
            if (found.isEmpty()) {
                v.add(Violation.of("meterSerial", "metering.meter.unknown", serial.get(), market.name()));
                return Optional.empty();
            }
            if (found.size() > 1) {
                v.add(Violation.of("kind", "metering.kind.needed", serial.get()));
                return Optional.empty();
            }
            return Optional.of(found.getFirst());
        }
        if ((stallCode == null || stallCode.isBlank()) && (kindText == null || kindText.isBlank())) {
            v.add(Violation.of("meterSerial", "metering.meter.missing"));
            return Optional.empty();
        }
        Optional<Stall> stall = meters.stall(market, stallCode, v);
        Optional<MeterKind> kind = MeterRules.kind(kindText, "kind", v);
        if (stall.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        List<Meter> ofKind = store.ofStall(market.id(), stall.get().id()).stream()
                .filter(m -> m.kind() == kind.get()).toList();
        Optional<Meter> onDay = ofKind.stream().filter(m -> !m.installedOn().isAfter(day)
                && (m.removedOn() == null || !m.removedOn().isBefore(day))).reduce((a, b) -> b);
        Optional<Meter> chosen = onDay.or(() -> ofKind.stream().filter(Meter::inService).findFirst());
        if (chosen.isEmpty()) {
            v.add(Violation.of("stallCode", "metering.meter.noneInService", stall.get().code(), kind.get().unit()));
        }
        return chosen;
    }

    /** The cashier's screen for a stall and kind; the stall's code refused with a message when unknown. */
    Screen screen(Market market, String stallCode, MeterKind kind) {
        List<Violation> v = new ArrayList<>();
        Stall stall = meters.stall(market, stallCode, v).orElse(null);
        if (stall == null) {
            throw new InvalidInputException(v);
        }
        Meter meter = store.inService(market.id(), stall.id(), kind).orElse(null);
        ReadingRules.Point last = null;
        boolean readToday = false;
        LocalDate today = today();
        if (meter != null) {
            ReadingRules.MeterState state = meters.state(meter);
            last = state.last();
            readToday = state.readings().stream().anyMatch(p -> p.on().equals(today));
        }
        List<Stall> all = stalls.list(market, null, null);
        List<Stop> walk = walk(market, all);
        int at = walk.indexOf(new Stop(stall.code(), kind));
        Stop previous = null;
        Stop next = null;
        if (at >= 0) {
            previous = at > 0 ? walk.get(at - 1) : null;
            next = at + 1 < walk.size() ? walk.get(at + 1) : null;
        } else {
            // A stall without this meter: the walk goes on from the stall's place in walking order.
            java.util.Map<String, Integer> place = new java.util.HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                place.put(all.get(i).code(), i);
            }
            int mine = place.getOrDefault(stall.code(), -1);
            for (Stop s : walk) {
                int p = place.getOrDefault(s.stallCode(), -1);
                if (p < mine || p == mine && s.kind().ordinal() < kind.ordinal()) {
                    previous = s;
                } else if (next == null) {
                    next = s;
                }
            }
        }
        return new Screen(stall, kind, meter, last, readToday, previous, next, today);
    }

    /** Every meter in service, in walking order: stall by stall, each stall's meters in kind order. */
    private List<Stop> walk(Market market, List<Stall> inWalkingOrder) {
        java.util.Map<UUID, java.util.EnumSet<MeterKind>> kinds = new java.util.HashMap<>();
        store.ofMarket(market.id()).stream().filter(Meter::inService)
                .forEach(m -> kinds.computeIfAbsent(m.stallId(), k -> java.util.EnumSet.noneOf(MeterKind.class))
                        .add(m.kind()));
        List<Stop> walk = new ArrayList<>();
        for (Stall s : inWalkingOrder) {
            kinds.getOrDefault(s.id(), java.util.EnumSet.noneOf(MeterKind.class))
                    .forEach(k -> walk.add(new Stop(s.code(), k)));
        }
        return walk;
    }

    List<MeterStore.Reading> inPeriod(Market market, YearMonth period) {
        return store.readings(market.id(), period.atDay(1), period.atEndOfMonth());
    }

    /** What an import would save, or every problem with its line; nothing saved. */
    ReadingImportPreview preview(Market market, String filename, byte[] content) {
        return check(market, ReadingFile.read(filename, content));
    }

    /** Saves every reading of the file or none, checked again with the market's meters locked. */
    @Transactional
    int importAll(Market market, String filename, byte[] content, String by) {
        jdbc.queryForList("SELECT id FROM meter WHERE market_id = ? ORDER BY id FOR UPDATE", market.id());
        ReadingImportPreview preview = check(market, ReadingFile.read(filename, content));
        if (!preview.valid()) {
            throw new ReadingImportRejected(preview);
        }
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        for (ReadingImportPreview.Row row : preview.rows()) {
            rows.add(new Object[] {Ids.newId(clock), market.id(), row.meterId(), row.readOn(), row.value(),
                    ReadingSource.IMPORT.name(), row.jump(), by, Timestamp.from(now)});
        }
        jdbc.batchUpdate("""
                INSERT INTO meter_reading (id, market_id, meter_id, read_on, value, source, jump_confirmed, entered_by,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        audit.record("METER_READING_IMPORT", "market", market.code(), market.id(), market.provinceCode(),
                filename + ": " + rows.size());
        return rows.size();
    }

    private ReadingImportPreview check(Market market, List<ReadingFile.Line> lines) {
        List<RowProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(RowProblem.of(0, "file", "metering.import.noRows"));
        }
        LocalDate today = today();
        record Parsed(ReadingFile.Line line, Meter meter, LocalDate day, long value) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (ReadingFile.Line line : lines) {
            List<Violation> v = new ArrayList<>();
            Optional<LocalDate> day = MeterRules.date(line.date(), null, "readOn", v);
            Optional<Long> value = ReadingRules.parseValue(line.value(), v, "value");
            Optional<Meter> meter = resolve(market, line.serial(), line.stall(), line.kind(), day.orElse(today), v);
            if (v.isEmpty()) {
                parsed.add(new Parsed(line, meter.get(), day.get(), value.get()));
            }
            v.forEach(x -> problems.add(new RowProblem(line.number(), x.field(), x.messageKey(), x.args())));
        }
        // In date order per meter, each accepted line becomes a point the next one is checked against.
        Map<UUID, List<ReadingRules.Point>> points = store.pointsOfMarket(market.id());
        Map<UUID, List<Meter>> byStall = new HashMap<>();
        store.ofMarket(market.id()).forEach(m -> byStall.computeIfAbsent(m.stallId(), k -> new ArrayList<>()).add(m));
        Map<UUID, List<ReadingRules.Point>> added = new HashMap<>();
        List<ReadingImportPreview.Row> rows = new ArrayList<>();
        parsed.sort(Comparator.comparing(Parsed::day).thenComparingInt(p -> p.line().number()));
        for (Parsed p : parsed) {
            Meter m = p.meter();
            List<ReadingRules.Point> known = new ArrayList<>(points.getOrDefault(m.id(), List.of()));
            known.addAll(added.getOrDefault(m.id(), List.of()));
            known.sort(Comparator.comparing(ReadingRules.Point::on));
            ReadingRules.MeterState state = Meters.state(m, known, byStall.getOrDefault(m.stallId(), List.of()));
            ReadingRules.Verdict verdict = ReadingRules.check(state, p.day(), p.value(), p.line().confirmed(), today);
            for (Violation x : verdict.violations()) {
                boolean jump = x.field().equals("confirmJump");
                problems.add(new RowProblem(p.line().number(), jump ? "confirm" : x.field(),
                        jump ? "metering.import.jump" : x.messageKey(), x.args()));
            }
            if (verdict.accepted()) {
                added.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(new ReadingRules.Point(p.day(), p.value()));
                rows.add(new ReadingImportPreview.Row(p.line().number(), m.id(), m.stallCode(), m.kind(), m.serial(),
                        p.day(), p.value(), state.before(p.day()).getLast().value(), verdict.jump()));
            }
        }
        rows.sort(Comparator.comparingInt(ReadingImportPreview.Row::line));
        problems.sort(Comparator.comparingInt(RowProblem::line));
        return new ReadingImportPreview(market.code(), List.copyOf(rows), List.copyOf(problems));
    }
}
