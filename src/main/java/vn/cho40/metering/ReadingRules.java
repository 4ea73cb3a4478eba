package vn.cho40.metering;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/**
 * Whether a meter reading may be recorded, free of Spring and SQL. A meter only counts up: a reading lower than the
 * meter's previous one (or its initial reading) is refused; a new meter after a replacement starts from its own
 * initial reading, so replacing is the way to go lower. A reading far above the stall's usual consumption (more than
 * {@link #JUMP_FACTOR} times its average per day, over this meter and the stall's earlier ones, when there is such
 * history) needs the reader to confirm it: usually a typo, sometimes a real leak or a new freezer.
 */
public final class ReadingRules {

    /** Largest reading accepted: nine digits, beyond any market sub-meter's register. */
    public static final long MAX_VALUE = 999_999_999L;
    /** How many times the average consumption per day a reading may show before it must be confirmed. */
    public static final long JUMP_FACTOR = 3;

    private ReadingRules() {
    }

    /** One known point of a meter's register: the initial reading on installation, or a reading. */
    public record Point(LocalDate on, long value) {
    }

    /**
     * What the rules need to know of the meter: its life and its readings, in date order; and what the stall's earlier
     * meters of the same kind used over how many days ({@code earlierUse}, {@code earlierDays}), so a meter just
     * replaced is judged by the stall's habits.
     */
    public record MeterState(String serial, String unit, LocalDate installedOn, long initialReading,
                             LocalDate removedOn, Long finalReading, List<Point> readings, long earlierUse,
                             long earlierDays) {

        public MeterState {
            readings = List.copyOf(readings);
        }

        public MeterState(String serial, String unit, LocalDate installedOn, long initialReading, LocalDate removedOn,
                          Long finalReading, List<Point> readings) {
            this(serial, unit, installedOn, initialReading, removedOn, finalReading, readings, 0, 0);
        }

        /** The installation and every reading strictly before {@code day}, oldest first. */
        List<Point> before(LocalDate day) {
            List<Point> points = new ArrayList<>();
            points.add(new Point(installedOn, initialReading));
            readings.stream().filter(p -> p.on().isBefore(day)).forEach(points::add);
            return points;
        }

        Optional<Point> after(LocalDate day) {
            return readings.stream().filter(p -> p.on().isAfter(day)).findFirst();
        }

        Optional<Point> on(LocalDate day) {
            return readings.stream().filter(p -> p.on().equals(day)).findFirst();
        }

        /** The latest point: the last reading, or the initial reading when there is none. */
        public Point last() {
            return readings.isEmpty() ? new Point(installedOn, initialReading) : readings.getLast();
        }
    }

    /** The answer: what is wrong (nothing: it may be saved), and whether the value is an unusual jump. */
    public record Verdict(List<Violation> violations, boolean jump) {
        public boolean accepted() {
            return violations.isEmpty();
        }
    }

    /** Parses what the reader typed: digits only (dots and spaces of thousands allowed), at most nine digits. */
    public static Optional<Long> parseValue(String text, List<Violation> violations, String field) {
        String digits = text == null ? "" : text.strip().replace(".", "").replace(" ", "").replace("\u00a0", "");
        if (digits.isEmpty()) {
            violations.add(Violation.of(field, "metering.reading.value.missing"));
            return Optional.empty();
        }
        if (!digits.matches("[0-9]{1,9}")) {
            violations.add(Violation.of(field, "metering.reading.value.invalid", text.strip(), MAX_VALUE));
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    /**
     * Checks a reading of {@code value} on {@code day} against the meter, with {@code today} the business date.
     * Refusals come first; the jump is only reported (and then refused) when everything else is right and the
     * reader did not confirm it.
     */
    public static Verdict check(MeterState meter, LocalDate day, long value, boolean confirmed, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (value < 0 || value > MAX_VALUE) {
            v.add(Violation.of("value", "metering.reading.value.invalid", value, MAX_VALUE));
        }
        if (day.isAfter(today)) {
            v.add(Violation.of("readOn", "metering.reading.future", VnFormats.date(day)));
        }
        if (day.isBefore(meter.installedOn())) {
            v.add(Violation.of("readOn", "metering.reading.beforeInstalled", VnFormats.date(day), meter.serial(),
                    VnFormats.date(meter.installedOn())));
        }
        if (meter.removedOn() != null && day.isAfter(meter.removedOn())) {
            v.add(Violation.of("readOn", "metering.reading.afterRemoved", meter.serial(),
                    VnFormats.date(meter.removedOn())));
        }
        meter.on(day).ifPresent(p -> v.add(Violation.of("readOn", "metering.reading.duplicate", meter.serial(),
                VnFormats.date(day), VnFormats.groupThousands(p.value()), meter.unit())));
        if (!v.isEmpty()) {
            return new Verdict(List.copyOf(v), false);
        }
        List<Point> before = meter.before(day);
        Point previous = before.getLast();
        if (value < previous.value()) {
            v.add(Violation.of("value", "metering.reading.lower", VnFormats.groupThousands(value),
                    VnFormats.groupThousands(previous.value()), meter.unit(), VnFormats.date(previous.on())));
        }
        meter.after(day).filter(next -> value > next.value()).ifPresent(next -> v.add(Violation.of("value",
                "metering.reading.higherThanNext", VnFormats.groupThousands(value),
                VnFormats.groupThousands(next.value()), meter.unit(), VnFormats.date(next.on()))));
        if (meter.finalReading() != null && value > meter.finalReading()) {
            v.add(Violation.of("value", "metering.reading.aboveFinal", VnFormats.groupThousands(value),
                    VnFormats.groupThousands(meter.finalReading()), meter.unit()));
        }
        if (!v.isEmpty()) {
            return new Verdict(List.copyOf(v), false);
        }
        boolean jump = isJump(before, day, value, meter.earlierUse(), meter.earlierDays());
        if (jump && !confirmed) {
            Point first = before.getFirst();
            long days = Math.max(1, ChronoUnit.DAYS.between(previous.on(), day));
            long usual = (previous.value() - first.value() + meter.earlierUse()) * days
                    / Math.max(1, ChronoUnit.DAYS.between(first.on(), previous.on()) + meter.earlierDays());
            // How many times the usual use it is (the message said "more than 3 times" for a 12,000-fold jump).
            long times = usual > 0 ? Math.max(JUMP_FACTOR, (value - previous.value()) / usual) : JUMP_FACTOR;
            v.add(Violation.of("confirmJump", "metering.reading.jump", VnFormats.groupThousands(value - previous.value()),
                    meter.unit(), days, VnFormats.groupThousands(usual), VnFormats.groupThousands(times)));
        }
        return new Verdict(List.copyOf(v), jump);
    }

    /**
     * Whether going from the last point before {@code day} to {@code value} uses more than {@link #JUMP_FACTOR}
     * times the stall's average per day so far (this meter since installation, with its earlier meters of the kind).
     * No history (not a day of it) or no consumption yet: no judgement, no jump.
     */
    static boolean isJump(List<Point> before, LocalDate day, long value, long earlierUse, long earlierDays) {
        Point first = before.getFirst();
        Point previous = before.getLast();
        long historyDays = ChronoUnit.DAYS.between(first.on(), previous.on()) + earlierDays;
        long historyUse = previous.value() - first.value() + earlierUse;
        long days = ChronoUnit.DAYS.between(previous.on(), day);
        long use = value - previous.value();
        if (historyDays < 1 || historyUse <= 0 || days < 1 || use <= 0) {
            return false;
        }
        // use / days > 3 × historyUse / historyDays, in whole numbers (values ≤ 10⁹, days ≤ 10⁵: no overflow).
        return use * historyDays > JUMP_FACTOR * historyUse * days;
    }
}
