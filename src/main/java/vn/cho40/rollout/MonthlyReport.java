package vn.cho40.rollout;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The report an official sends up, as data: its heading (UBND tỉnh, the department, "Số: .../BC-...", place and
 * date, "V/v báo cáo kết quả triển khai mô hình Chợ 4.0 tháng MM/YYYY"), the plans' targets with their results, the
 * province's indicators, one row per commune (or district), the figures reported by people, and notes. The XLSX and
 * the PDF are two renderings of the same record, so they cannot disagree.
 */
public record MonthlyReport(String provinceName, String agency, String number, LocalDate issuedOn, String place,
                     Period period, String subject, List<TargetLine> targets, List<Line> summary,
                     String unitHeader, List<UnitLine> units, List<Line> reported, String notes, String frozenNote) {

    public enum Kind { MONTH, HALF, YEAR }

    /** The months a report covers: a month, a half year (1–6 or 7–12) or a year. */
    public record Period(Kind kind, YearMonth first, YearMonth last) {

        static Period of(Kind kind, YearMonth month) {
            return switch (kind) {
                case MONTH -> new Period(kind, month, month);
                case HALF -> month.getMonthValue() <= 6
                        ? new Period(kind, YearMonth.of(month.getYear(), 1), YearMonth.of(month.getYear(), 6))
                        : new Period(kind, YearMonth.of(month.getYear(), 7), YearMonth.of(month.getYear(), 12));
                case YEAR -> new Period(kind, YearMonth.of(month.getYear(), 1), YearMonth.of(month.getYear(), 12));
            };
        }

        List<YearMonth> months() {
            List<YearMonth> all = new java.util.ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                all.add(m);
            }
            return all;
        }
    }

    public record TargetLine(String plan, String indicator, String target, String deadline, String actual, String status) {
    }

    /** A figure as the paper form writes it; {@code number} the same figure as a plain number, where it is one. */
    public record Line(String label, String value, Long number) {
        public Line(String label, String value) {
            this(label, value, null);
        }
    }

    public record UnitLine(String name, String markets, long traders, long withQr, String qrShare, long active,
                    long paymentsCount, long paymentsValue) {
    }
}
