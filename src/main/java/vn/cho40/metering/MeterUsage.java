package vn.cho40.metering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each stall's meters of one kind measured in a period, for billing. A reading on day D counts everything up to
 * the end of D, so a period's usage is the last reading on or before its last day minus the last reading before its
 * first day; a meter installed inside the period starts from its initial reading, and a meter removed inside it ends
 * at its final reading, so a replacement mid-month adds both meters' parts. A stall with a meter but no reading that
 * closes the period has no usage (billing lists it as not billable and why).
 */
@Service
public class MeterUsage {

    private final JdbcClient db;

    MeterUsage(JdbcClient db) {
        this.db = db;
    }

    /** One meter's part of a stall's usage: its serial, the readings it went from and to, and the difference. */
    public record Part(String serial, long fromReading, long toReading) {
        public long quantity() {
            return toReading - fromReading;
        }
    }

    /** A stall's usage in the period: the sum of its meters' parts. */
    public record StallUsage(UUID stallId, List<Part> parts) {
        public long quantity() {
            return parts.stream().mapToLong(Part::quantity).sum();
        }
    }

    /**
     * The usage of every stall of the market with a meter of this kind in service during [first, last], by stall;
     * stalls whose meters have no reading closing the period are left out. The closing reading is one taken inside
     * the period: a meter nobody read this period is not billed zero (and two periods' use next time), it is missing.
     */
    public Map<UUID, StallUsage> inPeriod(UUID marketId, MeterKind kind, LocalDate first, LocalDate last) {
        record Row(UUID stallId, String serial, LocalDate installedOn, long initial, LocalDate removedOn, Long fin,
                   Long before, Long closing) {
        }
        List<Row> rows = db.sql("""
                SELECT m.stall_id, m.serial, m.installed_on, m.initial_reading, m.removed_on, m.final_reading,
                       (SELECT r.value FROM meter_reading r WHERE r.meter_id = m.id AND r.read_on < :first
                        ORDER BY r.read_on DESC LIMIT 1),
                       (SELECT r.value FROM meter_reading r WHERE r.meter_id = m.id AND r.read_on <= :last
                          AND r.read_on >= :first ORDER BY r.read_on DESC LIMIT 1)
                FROM meter m
                WHERE m.market_id = :market AND m.kind = :kind AND m.installed_on <= :last
                  AND (m.removed_on IS NULL OR m.removed_on >= :first)
                ORDER BY m.stall_id, m.installed_on""")
                .param("market", marketId).param("kind", kind.name()).param("first", first).param("last", last)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getObject(5, LocalDate.class),
                        (Long) rs.getObject(6), (Long) rs.getObject(7), (Long) rs.getObject(8)))
                .list();
        Map<UUID, List<Part>> parts = new LinkedHashMap<>();
        java.util.Set<UUID> incomplete = new java.util.HashSet<>();
        for (Row r : rows) {
            long from = r.installedOn().isBefore(first) && r.before() != null ? r.before() : r.initial();
            boolean removedInside = r.removedOn() != null && !r.removedOn().isAfter(last);
            Long to = removedInside ? r.fin() : r.closing();
            if (to == null || (!removedInside && r.closing() == null)) {
                incomplete.add(r.stallId());
                continue;
            }
            parts.computeIfAbsent(r.stallId(), s -> new ArrayList<>()).add(new Part(r.serial(), from, to));
        }
        Map<UUID, StallUsage> usage = new LinkedHashMap<>();
        parts.forEach((stall, p) -> {
            if (!incomplete.contains(stall)) {
                usage.put(stall, new StallUsage(stall, List.copyOf(p)));
            }
        });
        return usage;
    }
}
