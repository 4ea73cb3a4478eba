package vn.cho40.metering;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.cho40.shared.RowProblem;

/** What a readings import would save, or every problem with its line. Nothing saved yet. */
record ReadingImportPreview(String marketCode, List<Row> rows, List<RowProblem> problems) {

    /** One reading of the file, with the point before it and whether it is a confirmed jump. */
    record Row(int line, UUID meterId, String stallCode, MeterKind kind, String serial, LocalDate readOn, long value,
               long previousValue, boolean jump) {
        public long consumption() {
            return value - previousValue;
        }
    }

    public boolean valid() {
        return problems.isEmpty() && !rows.isEmpty();
    }
}
