package vn.cho40.metering;

import java.time.LocalDate;
import java.util.UUID;

/** A sub-meter of a stall, in service ({@code removedOn} null) or replaced, with the stall's code for screens. */
record Meter(UUID id, UUID marketId, UUID stallId, String stallCode, MeterKind kind, String serial,
             LocalDate installedOn, long initialReading, LocalDate removedOn, Long finalReading, UUID replacedBy) {

    boolean inService() {
        return removedOn == null;
    }
}
