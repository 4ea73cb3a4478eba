package vn.cho40.metering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cho40.audit.AuditLog;
import vn.cho40.market.Market;
import vn.cho40.market.Stall;
import vn.cho40.market.Stalls;
import vn.cho40.shared.Ids;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/** A market's sub-meters: the board's list, installing one, replacing one (the old one closed, its history kept). */
@Service
class Meters {

    private final MeterStore store;
    private final Stalls stalls;
    private final AuditLog audit;
    private final Clock clock;

    Meters(MeterStore store, Stalls stalls, AuditLog audit, Clock clock) {
        this.store = store;
        this.stalls = stalls;
        this.audit = audit;
        this.clock = clock;
    }

    /** One stall's line on the board's page: its meter of each kind in service, its latest reading, its history. */
    record StallMeters(Stall stall, Map<MeterKind, Meter> inService, Map<MeterKind, ReadingRules.Point> last,
                       List<Meter> replaced) {
        public Meter electricity() {
            return inService.get(MeterKind.ELECTRICITY);
        }

        public Meter water() {
            return inService.get(MeterKind.WATER);
        }

        public ReadingRules.Point lastOf(MeterKind kind) {
            return last.get(kind);
        }
    }

    /** Every stall of the market in walking order, with its meters; {@code query} keeps codes that start with it. */
    List<StallMeters> board(Market market, String query) {
        String prefix = query == null ? "" : query.strip().toUpperCase(java.util.Locale.ROOT);
        Map<UUID, List<Meter>> byStall = new LinkedHashMap<>();
        store.ofMarket(market.id()).forEach(m -> byStall.computeIfAbsent(m.stallId(), k -> new ArrayList<>()).add(m));
        Map<UUID, ReadingRules.Point> last = store.lastReadings(market.id());
        List<StallMeters> rows = new ArrayList<>();
        for (Stall s : stalls.list(market, null, null)) {
            if (!prefix.isEmpty() && !s.code().startsWith(prefix)) {
                continue;
            }
            Map<MeterKind, Meter> current = new java.util.EnumMap<>(MeterKind.class);
            Map<MeterKind, ReadingRules.Point> latest = new java.util.EnumMap<>(MeterKind.class);
            List<Meter> replaced = new ArrayList<>();
            for (Meter m : byStall.getOrDefault(s.id(), List.of())) {
                if (m.inService()) {
                    current.put(m.kind(), m);
                    latest.put(m.kind(), last.getOrDefault(m.id(), new ReadingRules.Point(m.installedOn(),
                            m.initialReading())));
                } else {
                    replaced.add(m);
                }
            }
            rows.add(new StallMeters(s, current, latest, replaced));
        }
        return rows;
    }

    /** Installs a meter on a stall that has none of that kind in service. */
    @Transactional
    Meter add(Market market, Map<String, String> form) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = VnFormats.businessDate(clock.instant());
        Optional<Stall> stall = stall(market, form.get("stallCode"), v);
        Optional<MeterKind> kind = MeterRules.kind(form.get("kind"), "kind", v);
        Optional<String> serial = MeterRules.serial(form.get("serial"), "serial", v);
        Optional<LocalDate> installedOn = MeterRules.date(form.get("installedOn"), today, "installedOn", v);
        Optional<Long> initial = MeterRules.register(form.get("initialReading"), 0L, "initialReading", v);
        installedOn.filter(d -> d.isAfter(today)).ifPresent(d -> v.add(Violation.of("installedOn",
                "metering.reading.future", VnFormats.date(d))));
        if (stall.isPresent() && kind.isPresent()) {
            store.inService(market.id(), stall.get().id(), kind.get()).ifPresent(m -> v.add(Violation.of("stallCode",
                    "metering.meter.alreadyInService", stall.get().code(), m.serial())));
        }
        serial.ifPresent(s -> serialFree(market, s, kind.orElse(null), "serial", v));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        UUID id = Ids.newId(clock);
        try {
            store.insertMeter(id, market.id(), stall.get().id(), kind.get(), serial.get(), installedOn.get(),
                    initial.get(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("serial", "metering.serial.taken", serial.get(), "?"));
        }
        audit.record("METER_ADD", "meter", serial.get(), market.id(), market.provinceCode(),
                stall.get().code() + " " + kind.get() + " " + initial.get());
        return store.inService(market.id(), stall.get().id(), kind.get()).orElseThrow();
    }

    /**
     * Replaces a stall's meter in service: the old one is closed on {@code removedOn} with its final reading, the new
     * one starts on {@code installedOn} (the same day unless given) from its initial reading. All or nothing.
     */
    @Transactional
    Meter replace(Market market, Map<String, String> form) {
        List<Violation> v = new ArrayList<>();
        LocalDate today = VnFormats.businessDate(clock.instant());
        Optional<Stall> stall = stall(market, form.get("stallCode"), v);
        Optional<MeterKind> kind = MeterRules.kind(form.get("kind"), "kind", v);
        Optional<LocalDate> removedOn = MeterRules.date(form.get("removedOn"), today, "removedOn", v);
        Optional<Long> finalReading = MeterRules.register(form.get("finalReading"), null, "finalReading", v);
        Optional<String> serial = MeterRules.serial(form.get("newSerial"), "newSerial", v);
        Optional<LocalDate> installedOn = MeterRules.date(form.get("installedOn"), removedOn.orElse(today),
                "installedOn", v);
        Optional<Long> initial = MeterRules.register(form.get("initialReading"), 0L, "initialReading", v);
        Optional<Meter> old = Optional.empty();
        if (stall.isPresent() && kind.isPresent()) {
            old = store.inService(market.id(), stall.get().id(), kind.get());
            if (old.isEmpty()) {
                v.add(Violation.of("stallCode", "metering.meter.noneInService", stall.get().code(),
                        kind.get().unit()));
            }
        }
        if (old.isPresent()) {
            store.lock(old.get().id());
            if (removedOn.isPresent() && finalReading.isPresent()) {
                MeterRules.checkRemoval(state(old.get()), removedOn.get(), finalReading.get(), today, v);
            }
        }
        if (removedOn.isPresent() && installedOn.isPresent() && installedOn.get().isBefore(removedOn.get())) {
            v.add(Violation.of("installedOn", "metering.replace.installedBeforeRemoved",
                    VnFormats.date(installedOn.get()), VnFormats.date(removedOn.get())));
        }
        installedOn.filter(d -> d.isAfter(today)).ifPresent(d -> v.add(Violation.of("installedOn",
                "metering.reading.future", VnFormats.date(d))));
        serial.ifPresent(s -> serialFree(market, s, kind.orElse(null), "newSerial", v));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Meter closed = old.get();
        UUID id = Ids.newId(clock);
        store.close(closed.id(), removedOn.get(), finalReading.get());
        try {
            store.insertMeter(id, market.id(), stall.get().id(), kind.get(), serial.get(), installedOn.get(),
                    initial.get(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(Violation.of("newSerial", "metering.serial.taken", serial.get(), "?"));
        }
        store.linkReplacement(closed.id(), id);
        audit.record("METER_REPLACE", "meter", closed.serial(), market.id(), market.provinceCode(),
                stall.get().code() + " " + kind.get() + ": " + closed.serial() + " " + finalReading.get() + " -> "
                        + serial.get() + " " + initial.get());
        return store.inService(market.id(), stall.get().id(), kind.get()).orElseThrow();
    }

    /** The rules' view of a meter, with its readings. */
    ReadingRules.MeterState state(Meter m) {
        return state(m, store.points(m.id()), store.ofStall(m.marketId(), m.stallId()));
    }

    /** The same from what the caller has loaded: the meter's points and the stall's meters (for a whole file). */
    static ReadingRules.MeterState state(Meter m, List<ReadingRules.Point> points, List<Meter> stallMeters) {
        long use = 0;
        long days = 0;
        for (Meter earlier : stallMeters) {
            if (earlier.stallId().equals(m.stallId()) && earlier.kind() == m.kind() && !earlier.inService()
                    && !earlier.id().equals(m.id()) && !earlier.removedOn().isAfter(m.installedOn())) {
                use += Math.max(0, earlier.finalReading() - earlier.initialReading());
                days += java.time.temporal.ChronoUnit.DAYS.between(earlier.installedOn(), earlier.removedOn());
            }
        }
        return new ReadingRules.MeterState(m.serial(), m.kind().unit(), m.installedOn(), m.initialReading(),
                m.removedOn(), m.finalReading(), points, use, days);
    }

    Optional<Stall> stall(Market market, String code, List<Violation> v) {
        if (code == null || code.isBlank()) {
            v.add(Violation.of("stallCode", "metering.stall.missing"));
            return Optional.empty();
        }
        Optional<Stall> s = stalls.find(market, code);
        if (s.isEmpty()) {
            v.add(Violation.of("stallCode", "metering.stall.unknown", code.strip(), market.name()));
        }
        return s;
    }

    private void serialFree(Market market, String serial, MeterKind kind, String field, List<Violation> v) {
        store.bySerial(market.id(), serial).stream().filter(m -> kind == null || m.kind() == kind).findFirst()
                .ifPresent(m -> v.add(Violation.of(field, "metering.serial.taken", serial, m.stallCode())));
    }
}
