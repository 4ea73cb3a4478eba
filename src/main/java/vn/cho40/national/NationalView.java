package vn.cho40.national;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.cho40.adminunit.AdminUnit;
import vn.cho40.adminunit.AdminUnits;
import vn.cho40.shared.InvalidInputException;
import vn.cho40.shared.Violation;
import vn.cho40.shared.VnFormats;

/** The national figures of a month as the page and the API show them: per province with its name, and the sum. */
@Service
@NationalRole
class NationalView {

    /** A province's line (or the country's, with code and name empty). */
    record Line(String provinceCode, String provinceName, long paymentsCount, long paymentsValueVnd,
                long billPaymentsCount, long billPaymentsValueVnd, long marketsLive, long markets) {
    }

    record Month(YearMonth month, List<Line> provinces, Line total) {
    }

    private final NationalFigures figures;
    private final AdminUnits units;
    private final Clock clock;

    NationalView(NationalFigures figures, AdminUnits units, Clock clock) {
        this.figures = figures;
        this.units = units;
        this.clock = clock;
    }

    YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(VnFormats.VIETNAM));
    }

    /** The month a person or a client asked for (YYYY-MM, empty: this month); a bad one is a clear refusal. */
    YearMonth parseMonth(String text) {
        if (text == null || text.isBlank()) {
            return currentMonth();
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.isAfter(currentMonth()) || month.getYear() < 2000) {
                throw new InvalidInputException(Violation.of("month", "national.month.outOfRange"));
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("month", "national.month.invalid"));
        }
    }

    Month month(YearMonth month) {
        List<Line> lines = figures.provinces(month).stream()
                .map(r -> new Line(r.provinceCode(), units.find(AdminUnit.Regime.CURRENT, r.provinceCode())
                        .map(AdminUnit::name).orElse(r.provinceCode()), r.paymentsCount(), r.paymentsValueVnd(),
                        r.billPaymentsCount(), r.billPaymentsValueVnd(), r.marketsLive(), r.markets()))
                .toList();
        Line total = new Line("", "", lines.stream().mapToLong(Line::paymentsCount).sum(),
                lines.stream().mapToLong(Line::paymentsValueVnd).sum(),
                lines.stream().mapToLong(Line::billPaymentsCount).sum(),
                lines.stream().mapToLong(Line::billPaymentsValueVnd).sum(),
                lines.stream().mapToLong(Line::marketsLive).sum(), lines.stream().mapToLong(Line::markets).sum());
        return new Month(month, lines, total);
    }
}
