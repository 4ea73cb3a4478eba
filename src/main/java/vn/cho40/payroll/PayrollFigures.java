package vn.cho40.payroll;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The programme's KPI "the board pays salaries by transfer", for the rollout module: a board pays by transfer in a
 * month when it approved that month's payroll and at least one of its lines is confirmed paid by bank transfer.
 */
@Component
public class PayrollFigures {

    private final JdbcClient db;

    PayrollFigures(JdbcClient db) {
        this.db = db;
    }

    /** Whether the market's board paid the month's salaries by transfer. */
    public boolean paysSalariesByTransfer(UUID marketId, YearMonth month) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM payroll_run r JOIN payroll_line l ON l.run_id = r.id
                               WHERE r.market_id = ? AND r.period = ? AND l.payment_status = 'PAID')""")
                .params(marketId, month.atDay(1)).query(Boolean.class).single();
    }

    /** The markets whose boards paid salaries by transfer in the month. */
    public List<UUID> marketsPayingByTransfer(YearMonth month) {
        return db.sql("""
                SELECT DISTINCT r.market_id FROM payroll_run r JOIN payroll_line l ON l.run_id = r.id
                WHERE r.period = ? AND l.payment_status = 'PAID'""")
                .param(month.atDay(1)).query(UUID.class).list();
    }
}
