package vn.cho40.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cho40.IntegrationTest;
import vn.cho40.shared.VnFormats;

/**
 * A period's usage closes on a reading taken in that period: a meter nobody read is missing (the run lists the
 * stall as not billable), never a zero that the next bill would make up with two periods' use.
 */
@IntegrationTest
class MeterUsageIT {

    @Autowired
    MeterUsage usage;
    @Autowired
    JdbcClient db;

    @Test
    void aPeriodWithoutAReadingHasNoUsageRatherThanZero() {
        UUID market = db.sql("SELECT id FROM market WHERE code = 'TN-DAITU'").query(UUID.class).single();
        YearMonth last = YearMonth.now(VnFormats.VIETNAM).minusMonths(1);
        var read = usage.inPeriod(market, MeterKind.ELECTRICITY, last.atDay(1), last.atEndOfMonth());
        assertThat(read).as("the demo read every meter last month").isNotEmpty();
        assertThat(read.values()).anyMatch(u -> u.quantity() > 0);

        YearMonth unread = last.plusYears(3);
        assertThat(usage.inPeriod(market, MeterKind.ELECTRICITY, unread.atDay(1), unread.atEndOfMonth()))
                .as("no reading in the period: missing, not zero").isEmpty();
    }
}
