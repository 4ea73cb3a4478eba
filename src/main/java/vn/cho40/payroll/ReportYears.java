package vn.cho40.payroll;

import java.time.Clock;
import java.time.YearMonth;
import vn.cho40.shared.NotFoundException;
import vn.cho40.shared.VnFormats;

/** The year a yearly payroll report asks for: this year when none is given (0); before 2020 or after next year none. */
final class ReportYears {

    private ReportYears() {
    }

    static int resolve(Clock clock, int year) {
        int now = YearMonth.now(clock.withZone(VnFormats.VIETNAM)).getYear();
        if (year == 0) {
            return now;
        }
        if (year < 2020 || year > now + 1) {
            throw new NotFoundException("payroll.run.notFound", year);
        }
        return year;
    }
}
