package vn.cho40.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of meters and readings; every query names the market, so nothing crosses a board's boundary. */
@Repository
class MeterStore {

    private static final String METER = """
            SELECT m.id, m.market_id, m.stall_id, s.code AS stall_code, m.kind, m.serial, m.installed_on,
                   m.initial_reading, m.removed_on, m.final_reading, m.replaced_by
            FROM meter m JOIN stall s ON s.id = m.stall_id""";

    private final JdbcClient db;

    MeterStore(JdbcClient db) {
        this.db = db;
    }

    /** A reading as lists show it. */
    record Reading(UUID id, UUID meterId, String serial, String stallCode, MeterKind kind, LocalDate readOn,
                   long value, String source, boolean jumpConfirmed, String enteredBy, Instant createdAt) {
    }

    static Meter meter(ResultSet rs, int n) throws SQLException {
        return new Meter(rs.getObject("id", UUID.class), rs.getObject("market_id", UUID.class),
                rs.getObject("stall_id", UUID.class), rs.getString("stall_code"), MeterKind.valueOf(rs.getString("kind")),
                rs.getString("serial"), rs.getObject("installed_on", LocalDate.class), rs.getLong("initial_reading"),
                rs.getObject("removed_on", LocalDate.class), (Long) rs.getObject("final_reading"),
                rs.getObject("replaced_by", UUID.class));
    }

    /** Every meter of the market, in service and replaced, by stall and kind, oldest first. */
    List<Meter> ofMarket(UUID marketId) {
        return db.sql(METER + " WHERE m.market_id = ? ORDER BY m.stall_id, m.kind, m.installed_on, m.created_at")
                .param(marketId).query(MeterStore::meter).list();
    }

    List<Meter> ofStall(UUID marketId, UUID stallId) {
        return db.sql(METER + " WHERE m.market_id = ? AND m.stall_id = ? ORDER BY m.kind, m.installed_on, m.created_at")
                .params(marketId, stallId).query(MeterStore::meter).list();
    }

    Optional<Meter> inService(UUID marketId, UUID stallId, MeterKind kind) {
        return db.sql(METER + " WHERE m.market_id = ? AND m.stall_id = ? AND m.kind = ? AND m.removed_on IS NULL")
                .params(marketId, stallId, kind.name()).query(MeterStore::meter).optional();
    }

    /** The meters with this serial in the market (one per kind at most). */
    List<Meter> bySerial(UUID marketId, String serial) {
        return db.sql(METER + " WHERE m.market_id = ? AND m.serial = ? ORDER BY m.kind")
                .params(marketId, serial).query(MeterStore::meter).list();
    }

    /** Locks the meter's row: readings of one meter are checked and written one after the other. */
    void lock(UUID meterId) {
        db.sql("SELECT id FROM meter WHERE id = ? FOR UPDATE").param(meterId).query(UUID.class).single();
    }

    List<ReadingRules.Point> points(UUID meterId) {
        return db.sql("SELECT read_on, value FROM meter_reading WHERE meter_id = ? ORDER BY read_on")
                .param(meterId)
                .query((rs, n) -> new ReadingRules.Point(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
    }

    /** Each meter's latest reading in the market. */
    Map<UUID, ReadingRules.Point> lastReadings(UUID marketId) {
        Map<UUID, ReadingRules.Point> last = new HashMap<>();
        db.sql("""
                SELECT DISTINCT ON (meter_id) meter_id, read_on, value FROM meter_reading WHERE market_id = ?
                ORDER BY meter_id, read_on DESC""").param(marketId)
                .query((rs, n) -> last.put(rs.getObject(1, UUID.class),
                        new ReadingRules.Point(rs.getObject(2, LocalDate.class), rs.getLong(3)))).list();
        return last;
    }

    /** All points (dates and values) of the market's meters of a kind: for checking an import in memory. */
    Map<UUID, List<ReadingRules.Point>> pointsOfMarket(UUID marketId) {
        Map<UUID, List<ReadingRules.Point>> points = new HashMap<>();
        db.sql("SELECT meter_id, read_on, value FROM meter_reading WHERE market_id = ? ORDER BY meter_id, read_on")
                .param(marketId)
                .query((rs, n) -> points.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new ReadingRules.Point(rs.getObject(2, LocalDate.class), rs.getLong(3)))).list();
        return points;
    }

    void insertMeter(UUID id, UUID marketId, UUID stallId, MeterKind kind, String serial, LocalDate installedOn,
                     long initialReading, Instant now) {
        db.sql("""
                INSERT INTO meter (id, market_id, stall_id, kind, serial, installed_on, initial_reading, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, marketId, stallId, kind.name(), serial, installedOn, initialReading, Timestamp.from(now))
                .update();
    }

    void close(UUID meterId, LocalDate removedOn, long finalReading) {
        db.sql("UPDATE meter SET removed_on = ?, final_reading = ? WHERE id = ? AND removed_on IS NULL")
                .params(removedOn, finalReading, meterId).update();
    }

    void linkReplacement(UUID oldId, UUID newId) {
        db.sql("UPDATE meter SET replaced_by = ? WHERE id = ?").params(newId, oldId).update();
    }

    void insertReading(UUID id, Meter meter, LocalDate readOn, long value, ReadingSource source, boolean jumpConfirmed,
                       String enteredBy, Instant now) {
        db.sql("""
                INSERT INTO meter_reading (id, market_id, meter_id, read_on, value, source, jump_confirmed, entered_by,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, meter.marketId(), meter.id(), readOn, value, source.name(), jumpConfirmed, enteredBy,
                        Timestamp.from(now))
                .update();
    }

    /** The market's readings taken in [first, last], by stall code order then kind. */
    List<Reading> readings(UUID marketId, LocalDate first, LocalDate last) {
        return db.sql("""
                SELECT r.id, r.meter_id, m.serial, s.code, m.kind, r.read_on, r.value, r.source, r.jump_confirmed,
                       r.entered_by, r.created_at
                FROM meter_reading r JOIN meter m ON m.id = r.meter_id JOIN stall s ON s.id = m.stall_id
                WHERE r.market_id = ? AND r.read_on BETWEEN ? AND ?
                ORDER BY length(s.code), s.code, m.kind, r.read_on""")
                .params(marketId, first, last)
                .query((rs, n) -> new Reading(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), MeterKind.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class), rs.getLong(7), rs.getString(8), rs.getBoolean(9),
                        rs.getString(10), rs.getTimestamp(11).toInstant()))
                .list();
    }

    boolean anyInMarket(UUID marketId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM meter WHERE market_id = ?)").param(marketId)
                .query(Boolean.class).single();
    }
}
